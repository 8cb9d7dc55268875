package io.vendo.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The files of a catalog directory at a Spring resource location ({@code file:/srv/catalog},
 * {@code classpath:catalog/demo}): one folder per blueprint, named after its slug, with its descriptor and template,
 * and optionally {@code targets.yaml}.
 */
final class CatalogDirectory {

    static final String TARGETS = "targets.yaml";

    private final String location;
    private final PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();

    CatalogDirectory(String location) {
        this.location = location.endsWith("/") ? location.substring(0, location.length() - 1) : location;
    }

    /** The blueprint folders, by slug. */
    List<BlueprintFolder> blueprints() {
        var folders = new ArrayList<BlueprintFolder>();
        for (var descriptor : resources("/*/" + BlueprintDescriptor.FILE)) {
            folders.add(new BlueprintFolder(folderOf(descriptor), descriptor));
        }
        folders.sort(Comparator.comparing(BlueprintFolder::slug));
        return folders;
    }

    /** The text of {@code targets.yaml}, if the directory has one. */
    Optional<String> targets() {
        var targets = resolver.getResource(location + "/" + TARGETS);
        return targets.exists() ? Optional.of(read(targets)) : Optional.empty();
    }

    private Resource[] resources(String pattern) {
        try {
            return resolver.getResources(location + pattern);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the catalog directory " + location, e);
        }
    }

    private static String folderOf(Resource descriptor) {
        try {
            var path = descriptor.getURL().getPath();
            var withoutFile = path.substring(0, path.length() - BlueprintDescriptor.FILE.length() - 1);
            return withoutFile.substring(withoutFile.lastIndexOf('/') + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Resource resource) {
        try {
            return resource.getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource.getDescription(), e);
        }
    }

    /** A blueprint's folder: its descriptor and the files beside it. */
    record BlueprintFolder(String slug, Resource descriptor) {

        /** The descriptor's path in the directory, as the sync report names it. */
        String descriptorFile() {
            return slug + "/" + BlueprintDescriptor.FILE;
        }

        String descriptorText() {
            return read(descriptor);
        }

        /** The text of a file in the folder, if it exists. */
        Optional<String> file(String name) {
            try {
                var file = descriptor.createRelative(name);
                return file.exists() ? Optional.of(read(file)) : Optional.empty();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
