package io.vendo.support;

import io.vendo.VendoApplication;
import org.springframework.boot.SpringApplication;

/**
 * The portal as a worker process of its own, for the tests that kill one: the application with the demo catalog
 * and users, on whatever database and AWS endpoint the command line names. Started by {@link WorkerProcess}.
 */
public final class WorkerMain {

    private WorkerMain() {}

    public static void main(String[] args) {
        SpringApplication.from(VendoApplication::main)
                .withAdditionalProfiles("local")
                .run(args);
    }
}
