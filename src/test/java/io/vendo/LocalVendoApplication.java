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
        // A laptop has no EC2 instance metadata service: do not let the SDK's credential chain probe for one.
        if (System.getProperty("aws.disableEc2Metadata") == null) {
            System.setProperty("aws.disableEc2Metadata", "true");
        }
        SpringApplication.from(VendoApplication::main)
                .with(LocalPostgres.class)
                .withAdditionalProfiles("local")
                .run(args);
    }
}
