package io.vendo;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.jspecify.annotations.NullMarked;
import org.junit.jupiter.api.Test;

/**
 * Every package of the application is {@link NullMarked}: a type without {@code @Nullable} is not null, so the few
 * {@code @Nullable}s say where null is really allowed. A new package without a {@code package-info.java} saying so
 * fails here.
 */
class NullMarkedPackagesTest {

    @Test
    void everyPackageIsNullMarked() {
        var packages = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.vendo").stream()
                        .map(JavaClass::getPackageName)
                        .distinct()
                        .sorted()
                        .toList();

        assertThat(packages).hasSizeGreaterThan(20);
        assertThat(packages)
                .filteredOn(name -> !nullMarked(name))
                .as("packages without @NullMarked in their package-info.java")
                .isEmpty();
    }

    private static boolean nullMarked(String packageName) {
        try {
            return Class.forName(packageName + ".package-info").isAnnotationPresent(NullMarked.class);
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
