package io.vendo.execution;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;

/**
 * A request's parameter values on their way to AWS, the only form in which executors and provisioners get them.
 * NoEcho values stay sealed in the database until {@link #forAws()} is called to build a mutating call; everything
 * else (plans, timelines, outputs, logs, failure reasons) reads {@link #shown()}, where they are {@value #MASK} as
 * CloudFormation shows them. {@link #toString()} is masked too, so a spec that is logged leaks nothing.
 */
@NamedInterface("provisioning")
public final class DeploymentParameters {

    /** What CloudFormation shows for a NoEcho value (the request module's {@code RequestView.MASK}). */
    public static final String MASK = "****";

    /**
     * Secret values shorter than this are not scrubbed from AWS's messages: replacing every occurrence of a value like
     * {@code 1} would garble the message without protecting anything.
     */
    private static final int SCRUBBED_LENGTH = 4;

    private final Map<String, String> shown;
    private final Set<String> secret;
    private final @Nullable Supplier<Map<String, String>> unseal;
    private @Nullable Map<String, String> plain;

    private DeploymentParameters(
            Map<String, String> shown, Set<String> secret, @Nullable Supplier<Map<String, String>> unseal) {
        var masked = new LinkedHashMap<>(shown);
        secret.forEach(name -> masked.computeIfPresent(name, (key, value) -> MASK));
        this.shown = java.util.Collections.unmodifiableMap(masked);
        this.secret = Set.copyOf(secret);
        this.unseal = unseal;
    }

    /**
     * For a live run.
     *
     * @param shown every value, NoEcho ones masked
     * @param unseal every value with NoEcho ones decrypted; called at most once, and only by {@link #forAws()}
     */
    static DeploymentParameters live(
            Map<String, String> shown, Set<String> secret, Supplier<Map<String, String>> unseal) {
        return new DeploymentParameters(shown, secret, unseal);
    }

    /** For a dry run: values are only ever shown, NoEcho ones masked; {@link #forAws()} refuses. */
    static DeploymentParameters dryRun(Map<String, String> shown, Set<String> secret) {
        return new DeploymentParameters(shown, secret, null);
    }

    /** For tests and plans made outside a request: no secrets. */
    public static DeploymentParameters of(Map<String, String> values) {
        var parameters = new DeploymentParameters(values, Set.of(), null);
        parameters.plain = parameters.shown;
        return parameters;
    }

    /**
     * Every value in plain text, to put into the AWS request being built, never anywhere else.
     *
     * @throws IllegalStateException in a dry run, which never decrypts
     */
    public synchronized Map<String, String> forAws() {
        if (plain == null) {
            if (unseal == null) {
                throw new IllegalStateException("A dry run never decrypts NoEcho values");
            }
            plain = Map.copyOf(unseal.get());
        }
        return plain;
    }

    /** Whether {@link #forAws()} can decrypt: a live run's parameters (or plain ones); a dry run's cannot. */
    public boolean decryptable() {
        return unseal != null || plain != null;
    }

    /** Every value as people may see it: NoEcho values are {@value #MASK}. */
    public Map<String, String> shown() {
        return shown;
    }

    /** One value as people may see it, or {@code fallback} when the request has none. */
    public String shown(String name, String fallback) {
        return shown.getOrDefault(name, fallback);
    }

    /** The NoEcho parameters' names. */
    public Set<String> secret() {
        return secret;
    }

    public boolean isSecret(String name) {
        return secret.contains(name);
    }

    /**
     * The text with every decrypted NoEcho value replaced by {@value #MASK}: AWS may quote a value in an error
     * message, which becomes a failure reason, a timeline entry and a log line.
     */
    public synchronized String scrub(@Nullable String text) {
        if (text == null || plain == null) {
            return String.valueOf(text);
        }
        var scrubbed = text;
        for (var name : secret) {
            var value = plain.get(name);
            if (value != null && value.length() >= SCRUBBED_LENGTH) {
                scrubbed = scrubbed.replace(value, MASK);
            }
        }
        return scrubbed;
    }

    @Override
    public String toString() {
        return shown.toString();
    }
}
