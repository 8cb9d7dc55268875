package io.vendo.aws;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.jspecify.annotations.Nullable;

/**
 * Where AWS configuration exists for the portal, found without asking AWS: an endpoint, and the configuration sources
 * the SDK's default credentials chain reads (system properties, environment, web identity, profiles and profile
 * files, container credentials). Present: AWS is meant to be used, and a chain that fails is an error, never a dry
 * run. Absent: only the instance metadata service could still give credentials.
 *
 * @param sources what was found, for people (never a secret: names of variables and files)
 */
record AwsConfiguration(List<String> sources) {

    AwsConfiguration {
        sources = List.copyOf(sources);
    }

    static AwsConfiguration ofThisProcess(@Nullable String endpoint) {
        return detect(System.getenv(), System.getProperties(), endpoint);
    }

    /** @param endpoint the endpoint every client uses ({@code vendo.aws.endpoint-url} or {@code AWS_ENDPOINT_URL}) */
    static AwsConfiguration detect(Map<String, String> environment, Properties system, @Nullable String endpoint) {
        var sources = new ArrayList<String>();
        if (endpoint != null) {
            sources.add("endpoint " + endpoint);
        }
        if (set(system, "aws.accessKeyId") || set(system, "aws.secretAccessKey")) {
            sources.add("access keys in the system properties aws.accessKeyId/aws.secretAccessKey");
        }
        if (set(environment, "AWS_ACCESS_KEY_ID") || set(environment, "AWS_SECRET_ACCESS_KEY")) {
            sources.add("access keys in the environment (AWS_ACCESS_KEY_ID)");
        }
        if (set(environment, "AWS_WEB_IDENTITY_TOKEN_FILE") || set(system, "aws.webIdentityTokenFile")) {
            sources.add("a web identity token (AWS_WEB_IDENTITY_TOKEN_FILE, AWS_ROLE_ARN)");
        }
        var profile = first(environment.get("AWS_PROFILE"), system.getProperty("aws.profile"));
        if (profile != null) {
            sources.add("the profile " + profile);
        }
        if (set(environment, "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI")
                || set(environment, "AWS_CONTAINER_CREDENTIALS_FULL_URI")
                || set(system, "aws.containerCredentialsPath")
                || set(system, "aws.containerCredentialsFullUri")) {
            sources.add("container credentials (AWS_CONTAINER_CREDENTIALS_*)");
        }
        // As the SDK finds the home directory: HOME first, then the JVM's user.home.
        var home = first(environment.get("HOME"), system.getProperty("user.home"));
        home = home == null ? "" : home;
        for (var file : List.of(
                profileFile(environment, system, "AWS_CONFIG_FILE", "aws.configFile", home, "config"),
                profileFile(
                        environment,
                        system,
                        "AWS_SHARED_CREDENTIALS_FILE",
                        "aws.sharedCredentialsFile",
                        home,
                        "credentials"))) {
            if (file != null && Files.isRegularFile(file)) {
                sources.add("the profile file " + file);
            }
        }
        return new AwsConfiguration(sources);
    }

    boolean present() {
        return !sources.isEmpty();
    }

    String describe() {
        return sources.isEmpty() ? "nothing" : String.join(", ", sources);
    }

    private static @Nullable Path profileFile(
            Map<String, String> environment,
            Properties system,
            String variable,
            String property,
            String home,
            String name) {
        var named = first(system.getProperty(property), environment.get(variable));
        if (named != null) {
            return Path.of(named.startsWith("~") ? home + named.substring(1) : named);
        }
        return home.isBlank() ? null : Path.of(home, ".aws", name);
    }

    private static boolean set(Map<String, String> environment, String name) {
        var value = environment.get(name);
        return value != null && !value.isBlank();
    }

    private static boolean set(Properties system, String name) {
        var value = system.getProperty(name);
        return value != null && !value.isBlank();
    }

    private static @Nullable String first(@Nullable String... values) {
        for (var value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }
}
