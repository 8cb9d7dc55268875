package io.vendo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every {@code vendo.*} setting is described in the configuration metadata that the build generates from the settings
 * records' javadoc ({@code @param}), which IDEs show while people edit {@code application.yml}: a record component
 * without its {@code @param} fails here.
 */
class ConfigurationMetadataTest {

    @Test
    void everyVendoSettingHasADescription() throws IOException, ClassNotFoundException {
        var described = described();
        var settings = settings();

        assertThat(settings).as("settings records found").hasSizeGreaterThan(40);
        assertThat(settings).allSatisfy(setting -> assertThat(described.get(setting))
                .as("description of %s in META-INF/spring-configuration-metadata.json", setting)
                .isNotBlank());
    }

    /** The properties in the generated metadata, with their descriptions. */
    private static Map<String, String> described() throws IOException {
        var resource = new ClassPathResource("META-INF/spring-configuration-metadata.json");
        assertThat(resource.exists())
                .as("configuration metadata (spring-boot-configuration-processor)")
                .isTrue();
        var descriptions = new HashMap<String, String>();
        try (var in = resource.getInputStream()) {
            for (var property : JsonMapper.builder().build().readTree(in).path("properties")) {
                descriptions.put(
                        property.path("name").asString(),
                        property.path("description").asString(""));
            }
        }
        return descriptions;
    }

    /** Every setting the {@code @ConfigurationProperties} records under {@code io.vendo} bind. */
    private static List<String> settings() throws ClassNotFoundException {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
        var settings = new ArrayList<String>();
        for (var candidate : scanner.findCandidateComponents("io.vendo")) {
            var type = Class.forName(candidate.getBeanClassName());
            var annotation = type.getAnnotation(ConfigurationProperties.class);
            var prefix = annotation.prefix().isEmpty() ? annotation.value() : annotation.prefix();
            if (prefix.startsWith("vendo.")) {
                assertThat(type.isRecord()).as("%s is a record", type).isTrue();
                collect(prefix, type.getRecordComponents(), settings);
            }
        }
        return settings;
    }

    private static void collect(String prefix, RecordComponent[] components, List<String> settings) {
        for (var component : components) {
            var name = prefix + "." + kebab(component.getName());
            var type = component.getType();
            if (type.isRecord() && type.getPackageName().startsWith("io.vendo")) {
                collect(name, type.getRecordComponents(), settings);
            } else {
                settings.add(name);
            }
        }
    }

    private static String kebab(String camelCase) {
        return camelCase.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }
}
