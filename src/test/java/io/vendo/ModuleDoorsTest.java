package io.vendo;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.vendo.request.Requests;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.modulith.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.NamedInterface;

/**
 * The doors of the request, approval, audit, notification and identity modules: one entry type each (none for
 * notification, which nobody calls), every other public type of a module's base package in a named interface, and the
 * module's allowed dependencies declared (which {@link ModularityTests} verifies). And other modules only read
 * requests: the request's transitions are its own, driven by what other modules report. No class of any module is
 * over 300 lines.
 */
class ModuleDoorsTest {

    private static final Path SOURCES = Path.of("src/main/java/io/vendo");

    private static final ApplicationModules MODULES = ApplicationModules.of(VendoApplication.class);

    private static final Map<String, List<String>> DOORS = Map.of(
            "request", List.of("Requests"),
            "approval", List.of("Approvals"),
            "audit", List.of("AuditTrail"),
            "notification", List.of(),
            "identity", List.of("Actor"));

    @ParameterizedTest
    @ValueSource(strings = {"request", "approval", "audit", "notification", "identity"})
    void theModulesApiIsItsOneDoor(String name) {
        var module = MODULES.getModuleByName(name).orElseThrow();
        var api = module.getNamedInterfaces()
                .getUnnamedInterface()
                .asJavaClasses()
                .filter(type -> type.getEnclosingClass().isEmpty())
                .map(JavaClass::getSimpleName)
                .toList();

        assertThat(api).containsExactlyInAnyOrderElementsOf(DOORS.get(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"request", "approval", "audit", "notification", "identity"})
    void everyOtherPublicTypeIsInANamedInterface(String name) {
        var module = MODULES.getModuleByName(name).orElseThrow();
        var exposed = module.getBasePackage().toSingle().stream()
                .filter(type -> type.getModifiers().contains(JavaModifier.PUBLIC))
                .filter(type -> type.getEnclosingClass().isEmpty())
                .filter(type -> !type.getSimpleName().equals("package-info"))
                .filter(type -> !DOORS.get(name).contains(type.getSimpleName()))
                .toList();
        for (var type : exposed) {
            assertThat(module.getNamedInterfaces().getNamedInterfacesContaining(type))
                    .as("%s is public: the module's door or in a named interface", type.getSimpleName())
                    .anyMatch(NamedInterface::isNamed);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"request", "approval", "audit", "notification", "identity"})
    void theModuleDeclaresWhatItMayDependOn(String name) throws ClassNotFoundException {
        var declaration = Class.forName("io.vendo." + name + ".package-info").getAnnotation(ApplicationModule.class);

        assertThat(declaration.allowedDependencies()).isNotEmpty();
    }

    /** What other modules may ask of {@link Requests}: reads. */
    private static final List<String> READS = List.of(
            "get",
            "visibleTo",
            "search",
            "require",
            "requireVisible",
            "deploymentParameters",
            "rolloutOf",
            "stackSetChoiceOf",
            "batchOf",
            "batch",
            "decidedTogether");

    @Test
    void otherModulesOnlyReadRequestsThroughItsDoor() {
        // Only Vendo's own classes, as in DomainBoundaryTests: the rule needs the names of what they call.
        var config = ArchConfiguration.get();
        config.setResolveMissingDependenciesFromClassPath(false);
        JavaClasses vendo;
        try {
            vendo = new ClassFileImporter()
                    .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .importPackages("io.vendo");
        } finally {
            config.reset();
        }

        noClasses()
                .that()
                .resideOutsideOfPackage("io.vendo.request..")
                .should()
                .callMethodWhere(DescribedPredicate.describe(
                        "a method of Requests other than its reads " + READS,
                        call -> call.getTarget().getOwner().isEquivalentTo(Requests.class)
                                && !READS.contains(call.getTarget().getName())))
                .because("a request moves on only through its own module: people submit and withdraw on its pages"
                        + " and API, other modules report progress (RequestProgress) and read")
                .check(vendo);
    }

    /**
     * Small classes with one job: the limit the architecture pass set, for every module, a new one included (the
     * modules are the packages under {@code io.vendo}).
     */
    @ParameterizedTest
    @MethodSource("modules")
    void noClassOfTheModuleIsOver300Lines(Path module) throws IOException {
        try (Stream<Path> files = Files.walk(module)) {
            var tooLong = files.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> lines(file) > 300)
                    .map(file -> file + ": " + lines(file) + " lines")
                    .toList();

            assertThat(tooLong).isEmpty();
        }
    }

    static Stream<Path> modules() throws IOException {
        try (Stream<Path> children = Files.list(SOURCES)) {
            var modules = children.filter(Files::isDirectory).sorted().toList();
            assertThat(modules).isNotEmpty();
            return modules.stream();
        }
    }

    private static long lines(Path file) {
        try (var lines = Files.lines(file)) {
            return lines.count();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
