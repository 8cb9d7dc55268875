package io.vendo.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import io.vendo.VendoApplication;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModuleDependency;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.NamedInterface;

/**
 * The catalog's doors as other modules see them: its API is {@link Catalog} and {@link CatalogAdministration} only, what
 * other modules hold besides is in a named interface, and the administration's commands and views stay with the
 * catalog's own pages and API.
 */
class CatalogDoorsTest {

    private static final ApplicationModules MODULES = ApplicationModules.of(VendoApplication.class);
    private static final ApplicationModule CATALOG =
            MODULES.getModuleByName("catalog").orElseThrow();

    @Test
    void theModulesApiIsItsTwoDoors() {
        var api = CATALOG.getNamedInterfaces()
                .getUnnamedInterface()
                .asJavaClasses()
                .filter(type -> type.getEnclosingClass().isEmpty())
                .map(JavaClass::getSimpleName)
                .toList();

        assertThat(api).containsExactlyInAnyOrder("Catalog", "CatalogAdministration");
    }

    @Test
    void everyOtherPublicTypeIsInANamedInterface() {
        assertThat(CATALOG.getNamedInterfaces().stream().filter(NamedInterface::isNamed))
                .extracting(NamedInterface::getName)
                .containsExactlyInAnyOrder("blueprints", "targets", "ports", "administration");
        var exposed = CATALOG.getBasePackage().toSingle().stream()
                .filter(type -> type.getModifiers().contains(JavaModifier.PUBLIC))
                .filter(type -> type.getEnclosingClass().isEmpty())
                .filter(type -> !type.getSimpleName().equals("package-info"))
                .toList();
        assertThat(exposed).hasSizeGreaterThan(2);
        for (var type : exposed) {
            assertThat(CATALOG.getNamedInterfaces().getNamedInterfacesContaining(type))
                    .as("%s is public: in the API or a named interface", type.getSimpleName())
                    .isNotEmpty();
        }
    }

    @Test
    void noOtherModuleUsesTheAdministrationsCommandsOrViews() {
        var administration =
                CATALOG.getNamedInterfaces().getByName("administration").orElseThrow();
        var used = MODULES.stream()
                .filter(module -> !module.equals(CATALOG))
                .flatMap(module -> module.getDirectDependencies(MODULES).stream())
                .map(ApplicationModuleDependency::getTargetType)
                .filter(administration::contains)
                .map(JavaClass::getName)
                .distinct()
                .toList();

        assertThat(used).isEmpty();
    }
}
