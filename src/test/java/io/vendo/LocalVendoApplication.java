package io.vendo;

import io.vendo.support.LocalPostgres;
import org.springframework.boot.SpringApplication;

/**
 * The local run: {@code ./mvnw spring-boot:test-run}. Starts Vendo with an embedded PostgreSQL whose data survives
 * restarts (in {@code .vendo/postgres}), the demo users and the demo catalog. AWS runs in dry-run mode unless
 * credentials or {@code AWS_ENDPOINT_URL} are configured.
 */
public class LocalVendoApplication {

    public static void main(String[] args) {
        SpringApplication.from(VendoApplication::main)
                .with(LocalPostgres.class)
                .withAdditionalProfiles("local")
                .run(args);
    }
}
