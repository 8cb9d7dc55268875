package io.vendo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.jspecify.annotations.NullMarked;
import org.junit.jupiter.api.Test;

/**
 * Every package of the application is {@link NullMarked}: a type without {@code @Nullable} is not null, so the few
 * {@code @Nullable}s say where null is really allowed. A new package without a {@code package-info.java} saying so
 * fails here.
 */
class NullMarkedPackagesTest {

    @Test
    void everyPackageIsNullMarked() throws IOException, URISyntaxException {
        // The application's compiled classes (not the tests'): every folder with a class is a package.
        var classes = Path.of(VendoApplication.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        try (Stream<Path> files = Files.walk(classes.resolve("io/vendo"))) {
            var packages = files.filter(file -> file.toString().endsWith(".class"))
                    .map(file -> classes.relativize(file.getParent()).toString().replace('/', '.'))
                    .distinct()
                    .sorted()
                    .toList();

            assertThat(packages).hasSizeGreaterThan(20);
            assertThat(packages)
                    .filteredOn(name -> !nullMarked(name))
                    .as("packages without @NullMarked in their package-info.java")
                    .isEmpty();
        }
    }

    private static boolean nullMarked(String packageName) {
        try {
            return Class.forName(packageName + ".package-info").isAnnotationPresent(NullMarked.class);
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
