package io.vendo.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.Name;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every setting Vendo understands: Spring Boot's (its configuration metadata on the classpath) and Vendo's own (the
 * {@code @ConfigurationProperties} records, walked component by component, and bound by Spring's Binder to check the
 * values too). Deployment files name settings as YAML keys (an application.yaml) or as environment variables
 * (compose, Kubernetes); both are resolved here exactly as Spring resolves them at start-up.
 */
final class KnownSettings {

    /** Environment variables that are no Spring setting but are read by the JVM or the AWS SDK. */
    private static final List<String> JVM_VARIABLES = List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS");

    /** Exact names of settings with a value. */
    private final TreeSet<String> names = new TreeSet<>();
    /** Settings that take any key below them: maps, and lists of objects. */
    private final TreeSet<String> openPrefixes = new TreeSet<>();
    /** Vendo's records by prefix, to bind values into. */
    private final Map<String, Class<?>> vendoRecords = new TreeMap<>();

    private KnownSettings() {}

    static KnownSettings load() {
        var settings = new KnownSettings();
        settings.readSpringBootMetadata();
        settings.walkVendoRecords();
        return settings;
    }

    /** Keys of a property source (an application.yaml, flattened) that no setting takes. */
    List<String> unknownKeys(EnumerablePropertySource<?> source) {
        var unknown = new ArrayList<String>();
        for (var key : source.getPropertyNames()) {
            if (!known(withoutIndices(key))) {
                unknown.add(key);
            }
        }
        return unknown;
    }

    /**
     * Environment variables that name no setting: those with a Spring prefix must resolve to a setting through Spring's
     * own mapping (VENDO_IDENTITY_OIDC_CLIENT_SECRET → vendo.identity.oidc.client-secret); AWS_ ones must be settings of
     * the AWS SDK; nothing else is read by Vendo's container.
     */
    List<String> unknownEnvironmentVariables(Collection<String> variables) {
        var unknown = new ArrayList<String>();
        for (var variable : variables) {
            if (JVM_VARIABLES.contains(variable)) {
                continue;
            }
            if (variable.startsWith("AWS_")) {
                if (!AwsSdkSettings.variables().contains(variable)) {
                    unknown.add(variable);
                }
                continue;
            }
            if (resolvedSetting(variable) == null) {
                unknown.add(variable);
            }
        }
        return unknown;
    }

    /** The setting an environment variable sets, as Spring maps it; null when none. */
    String resolvedSetting(String variable) {
        var source = ConfigurationPropertySources.from(
                        new SystemEnvironmentPropertySource("environment", Map.of(variable, "x")))
                .iterator()
                .next();
        for (var name : names) {
            if (ConfigurationPropertyName.isValid(name)
                    && source.getConfigurationProperty(ConfigurationPropertyName.of(name)) != null) {
                return name;
            }
        }
        return null;
    }

    /**
     * Binds every {@code vendo.*} value of the source into Vendo's records, as the application does: a value of the
     * wrong type (a Duration that is none, an unknown enum constant) fails here as it would at start-up.
     */
    List<String> vendoValuesThatDoNotBind(PropertySource<?> source) {
        var problems = new ArrayList<String>();
        var binder = new Binder(ConfigurationPropertySources.from(source));
        vendoRecords.forEach((prefix, type) -> {
            try {
                binder.bind(prefix, Bindable.of(type));
            } catch (BindException e) {
                problems.add(prefix + ": " + rootCause(e).getMessage());
            }
        });
        return problems;
    }

    boolean known(String name) {
        if (names.contains(name)) {
            return true;
        }
        for (var prefix : openPrefixes) {
            if (name.startsWith(prefix + ".") || name.startsWith(prefix + "[")) {
                return true;
            }
        }
        return false;
    }

    private static String withoutIndices(String key) {
        return key.replaceAll("\\[\\d+]", "[*]").replaceAll("\\[\\*](?=$)", "");
    }

    private void readSpringBootMetadata() {
        var json = JsonMapper.builder().build();
        var resolver = new PathMatchingResourcePatternResolver();
        try {
            for (var pattern : List.of(
                    "classpath*:META-INF/spring-configuration-metadata.json",
                    "classpath*:META-INF/additional-spring-configuration-metadata.json")) {
                for (var resource : resolver.getResources(pattern)) {
                    try (var in = resource.getInputStream()) {
                        var metadata = json.readTree(in);
                        for (var property : metadata.path("properties")) {
                            var name = property.path("name").asString();
                            var type = property.path("type").asString("");
                            names.add(name);
                            if (type.startsWith("java.util.Map<")) {
                                openPrefixes.add(name);
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void walkVendoRecords() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
        for (var candidate : scanner.findCandidateComponents("io.vendo")) {
            var type = ClassUtils.resolveClassName(
                    candidate.getBeanClassName(), getClass().getClassLoader());
            var prefix = type.getAnnotation(ConfigurationProperties.class).value();
            vendoRecords.put(prefix, type);
            walk(prefix, type);
        }
        if (vendoRecords.isEmpty()) {
            throw new IllegalStateException("No @ConfigurationProperties records found under io.vendo");
        }
    }

    private void walk(String prefix, Class<?> record) {
        var components = record.getRecordComponents();
        var parameters = canonicalConstructorParameters(record, components);
        for (int i = 0; i < components.length; i++) {
            var renamed = parameters[i].getAnnotation(Name.class);
            var name = prefix + "." + kebab(renamed != null ? renamed.value() : components[i].getName());
            describe(name, components[i].getGenericType());
        }
    }

    private void describe(String name, Type type) {
        var raw = ClassUtils.resolvePrimitiveIfNecessary(rawClass(type));
        if (raw.isRecord() && raw.getPackageName().startsWith("io.vendo")) {
            walk(name, raw);
        } else if (Map.class.isAssignableFrom(raw)) {
            openPrefixes.add(name);
        } else if (Collection.class.isAssignableFrom(raw)) {
            var element = rawClass(((ParameterizedType) type).getActualTypeArguments()[0]);
            if (element.isRecord()) {
                openPrefixes.add(name);
            } else {
                names.add(name);
            }
        } else {
            names.add(name);
        }
    }

    private static java.lang.reflect.Parameter[] canonicalConstructorParameters(
            Class<?> record, RecordComponent[] components) {
        var types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
        }
        try {
            return record.getDeclaredConstructor(types).getParameters();
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(record + " has no canonical constructor", e);
        }
    }

    private static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> plain) {
            return plain;
        }
        if (type instanceof ParameterizedType parameterized) {
            return (Class<?>) parameterized.getRawType();
        }
        throw new IllegalArgumentException("Unexpected settings type " + type);
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }

    private static Throwable rootCause(Throwable e) {
        var cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
