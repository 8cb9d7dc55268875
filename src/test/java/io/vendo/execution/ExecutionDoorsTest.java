package io.vendo.execution;

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
 * The execution module's doors as other modules see them: its API is the event it publishes, the aws module holds the
 * kinds' ports and the shared provisioning types through named interfaces, and the skeleton the kinds plug into stays
 * inside the module.
 */
class ExecutionDoorsTest {

    private static final ApplicationModules MODULES = ApplicationModules.of(VendoApplication.class);
    private static final ApplicationModule EXECUTION =
            MODULES.getModuleByName("execution").orElseThrow();

    @Test
    void theModulesApiIsTheEventItPublishes() {
        var api = EXECUTION
                .getNamedInterfaces()
                .getUnnamedInterface()
                .asJavaClasses()
                .filter(type -> type.getEnclosingClass().isEmpty())
                .map(JavaClass::getSimpleName)
                .toList();

        assertThat(api).containsExactly("ExecutionEvent");
    }

    @Test
    void everyKindIsASubPackageWithItsPortAndEveryOtherPublicTypeIsNamed() {
        assertThat(EXECUTION.getNamedInterfaces().stream().filter(NamedInterface::isNamed))
                .extracting(NamedInterface::getName)
                .containsExactlyInAnyOrder("provisioning", "kinds", "stack", "account", "product", "stackset");
        var exposed = EXECUTION.getBasePackage().toSingle().stream()
                .filter(type -> type.getModifiers().contains(JavaModifier.PUBLIC))
                .filter(type -> type.getEnclosingClass().isEmpty())
                .filter(type -> !type.getSimpleName().equals("package-info"))
                .toList();
        assertThat(exposed).hasSizeGreaterThan(1);
        for (var type : exposed) {
            assertThat(EXECUTION.getNamedInterfaces().getNamedInterfacesContaining(type))
                    .as("%s is public: in the API or a named interface", type.getSimpleName())
                    .isNotEmpty();
        }
    }

    @Test
    void noOtherModuleUsesTheSkeletonOfTheKinds() {
        var kinds = EXECUTION.getNamedInterfaces().getByName("kinds").orElseThrow();
        var used = MODULES.stream()
                .filter(module -> !module.equals(EXECUTION))
                .flatMap(module -> module.getDirectDependencies(MODULES).stream())
                .map(ApplicationModuleDependency::getTargetType)
                .filter(kinds::contains)
                .map(JavaClass::getName)
                .distinct()
                .toList();

        assertThat(used).isEmpty();
    }
}
