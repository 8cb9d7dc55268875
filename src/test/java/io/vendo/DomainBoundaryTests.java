package io.vendo;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.web.ErrorResponseException;

/**
 * Domain code speaks its own language: it refuses with {@link io.vendo.refusal.Refusal}s, and only the HTTP edge (the
 * shared {@code web} module, and each module's {@code web} and {@code api} sub-packages) knows about HTTP. Domain code
 * is what lives in a module's base package: its services, aggregates, events and ports.
 */
class DomainBoundaryTests {

    /** A module's base package: {@code io.vendo.request}, not {@code io.vendo.request.web}. */
    private static final String MODULE_BASE_PACKAGES = "io.vendo.*";

    private static final JavaClasses VENDO = importVendo();

    /**
     * Only Vendo's own classes: resolving every library class they touch from the class path would take seconds, and
     * the rules need only the names of what Vendo's classes use and extend.
     */
    private static JavaClasses importVendo() {
        var config = ArchConfiguration.get();
        config.setResolveMissingDependenciesFromClassPath(false);
        try {
            return new ClassFileImporter()
                    .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .importPackages("io.vendo");
        } finally {
            config.reset();
        }
    }

    @Test
    void domainCodeKnowsNothingOfHttp() {
        noClasses()
                .that()
                .resideInAPackage(MODULE_BASE_PACKAGES)
                .and()
                .resideOutsideOfPackage("io.vendo.web")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.springframework.http..")
                .because("domain code refuses with a Refusal and web/ alone maps refusals to HTTP")
                .check(VENDO);
    }

    @Test
    void onlyTheHttpEdgeAnswersWithHttpErrors() {
        noClasses()
                .that()
                .resideOutsideOfPackages("io.vendo.web", "..web..", "..api..")
                .should()
                .beAssignableTo(ErrorResponseException.class)
                .because("a domain exception is a Refusal; how it is answered is decided in web/")
                .check(VENDO);
    }
}
