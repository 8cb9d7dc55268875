package io.vendo.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Fills an empty local catalog with one STACK blueprint, a sandbox and a production target, so that a newcomer can walk the whole
 * flow. Idempotent: it matches by slug, so restarts add nothing.
 */
@Component
@ConditionalOnBooleanProperty("vendo.catalog.demo")
class DemoCatalog implements ApplicationRunner {

    static final String BLUEPRINT = "static-website";
    static final String TARGET = "sandbox-eu-west-1";

    private final CatalogAdministration administration;

    DemoCatalog(CatalogAdministration administration) {
        this.administration = administration;
    }

    @Override
    public void run(ApplicationArguments args) {
        administration.register(new NewBlueprint(
                BLUEPRINT,
                "Static website",
                "An S3 bucket that serves a static website, with versioning and a lifecycle rule for old versions.",
                "platform-team",
                template("catalog/demo/static-website.yaml"),
                List.of()));
        administration.register(new NewTarget(
                TARGET, "Sandbox (eu-west-1)", "111122223333", "eu-west-1", EnvironmentTier.SANDBOX, null, null));
        administration.register(new NewTarget(
                "prod-eu-west-1",
                "Production (eu-west-1)",
                "444455556666",
                "eu-west-1",
                EnvironmentTier.PROD,
                null,
                null));
    }

    private static String template(String path) {
        try {
            return new ClassPathResource(path).getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Demo template %s is missing from the jar".formatted(path), e);
        }
    }
}
