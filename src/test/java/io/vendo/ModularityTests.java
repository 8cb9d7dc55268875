package io.vendo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The modules' boundaries: every module declares which modules (and which of their named interfaces) it may use,
 * {@link ApplicationModules#verify()} holds every module to its declaration (no internals, no cycles, nothing
 * undeclared), and no declaration allows more than the module uses. The module diagram and canvases under {@code
 * docs/modules} are what {@link Documenter} generates from the code (line for line, in whatever order it writes them):
 * this test rewrites whatever differs, and fails until the diagrams are committed when the modules or their
 * dependencies change.
 */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(VendoApplication.class);

    static final Path DOCUMENTATION = Path.of("docs/modules");

    @Test
    void modulesOnlyUseWhatTheyDeclareOfEachOthersApisAndHaveNoCycles() {
        MODULES.verify();
    }

    @Test
    void everyCapabilityIsAModule() {
        assertThat(MODULES.stream().map(module -> module.getIdentifier().toString()))
                .containsExactlyInAnyOrder(
                        "catalog",
                        "request",
                        "approval",
                        "execution",
                        "environment",
                        "promotion",
                        "aws",
                        "notification",
                        "audit",
                        "identity",
                        "web",
                        "digest",
                        "refusal");
    }

    @Test
    void everyModuleDeclaresWhatItMayDependOn() {
        for (var module : MODULES) {
            assertThat(declaredDependencies(module.getBasePackage().getName()))
                    .as("allowedDependencies of %s (package-info.java)", module.getIdentifier())
                    .doesNotContain(ApplicationModule.OPEN_TOKEN);
        }
    }

    /** {@link ApplicationModules#verify()} checks that a module uses nothing it did not declare; this, the converse. */
    @Test
    void noModuleDeclaresADependencyItDoesNotHave() {
        var declared = new TreeMap<String, TreeSet<String>>();
        var used = new TreeMap<String, TreeSet<String>>();
        for (var module : MODULES) {
            var name = module.getIdentifier().toString();
            declared.put(
                    name,
                    Arrays.stream(declaredDependencies(module.getBasePackage().getName()))
                            .map(dependency -> dependency.split("::")[0].trim())
                            .collect(Collectors.toCollection(TreeSet::new)));
            used.put(
                    name,
                    module.getDirectDependencies(MODULES).stream()
                            .map(dependency ->
                                    dependency.getTargetModule().getIdentifier().toString())
                            .collect(Collectors.toCollection(TreeSet::new)));
        }

        assertThat(declared).isEqualTo(used);
    }

    @Test
    void committedModuleDocumentationIsWhatTheCodeGenerates() throws IOException {
        var generated = Path.of("target/modulith-docs-check");
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(generated.toString()))
                .writeDocumentation();

        var expected = contents(generated);
        var committed = contents(DOCUMENTATION);
        var stale = Stream.concat(expected.keySet().stream(), committed.keySet().stream())
                .distinct()
                .filter(name -> !Objects.equals(lines(expected.get(name)), lines(committed.get(name))))
                .sorted()
                .toList();
        rewrite(stale, expected);

        // A canvas changes with every bean, event or setting a module gains: it is rewritten, for the change's author
        // to commit along. A diagram changes only when the modules or their dependencies do: that fails until
        // committed.
        assertThat(stale.stream().filter(name -> name.endsWith(".puml")))
                .as(
                        "The modules changed but %s did not: this test has rewritten these diagrams (and any canvas that"
                                + " changed); review the diff and commit them",
                        DOCUMENTATION)
                .isEmpty();
    }

    private static String[] declaredDependencies(String basePackage) {
        try {
            var annotation = Class.forName(basePackage + ".package-info").getAnnotation(ApplicationModule.class);
            return annotation == null ? new String[] {ApplicationModule.OPEN_TOKEN} : annotation.allowedDependencies();
        } catch (ClassNotFoundException e) {
            return new String[] {ApplicationModule.OPEN_TOKEN};
        }
    }

    /**
     * A file's lines in order, so that a file compares equal whatever order the generator wrote them in: the Documenter
     * lists the modules' relationships in no stable order, and a canvas's list starts with the table cell's {@code |},
     * so which item carries it depends on that order too.
     */
    private static @Nullable List<String> lines(@Nullable String content) {
        return content == null
                ? null
                : content.lines()
                        .map(line -> line.startsWith("|* ") ? line.substring(1) : line)
                        .sorted()
                        .toList();
    }

    private static Map<String, String> contents(Path folder) throws IOException {
        var files = new TreeMap<String, String>();
        if (!Files.isDirectory(folder)) {
            return files;
        }
        try (Stream<Path> listed = Files.list(folder)) {
            for (var file : listed.filter(Files::isRegularFile).toList()) {
                files.put(file.getFileName().toString(), Files.readString(file));
            }
        }
        return files;
    }

    /** Writes the stale files as generated (only those, so that the others keep their order), deletes the gone. */
    private static void rewrite(List<String> stale, Map<String, String> generated) throws IOException {
        if (stale.isEmpty()) {
            return;
        }
        Files.createDirectories(DOCUMENTATION);
        for (var name : stale) {
            var content = generated.get(name);
            if (content == null) {
                Files.deleteIfExists(DOCUMENTATION.resolve(name));
            } else {
                Files.writeString(DOCUMENTATION.resolve(name), content);
            }
        }
    }
}
