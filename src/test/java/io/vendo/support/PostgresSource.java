package io.vendo.support;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;

/**
 * Where the tests' PostgreSQL 17 comes from: the one switch, {@code -Dvendo.test.postgres=}
 *
 * <ul>
 *   <li>{@code auto} (the default): a Testcontainers container when a Docker engine answers (most laptops and CI
 *       services), else the embedded server (zonky), as on machines without Docker;
 *   <li>{@code testcontainers}: always the container (fails where no Docker engine answers);
 *   <li>{@code embedded}: always the embedded server.
 * </ul>
 *
 * Decided once per test JVM. The local run ({@code spring-boot:test-run}) always uses the embedded server.
 */
public enum PostgresSource {
    EMBEDDED,
    TESTCONTAINERS;

    public static final String PROPERTY = "vendo.test.postgres";

    private static PostgresSource chosen;
    private static String reason;

    public static synchronized PostgresSource chosen() {
        if (chosen == null) {
            var asked = System.getProperty(PROPERTY, "auto").strip().toLowerCase();
            switch (asked) {
                case "embedded" -> choose(EMBEDDED, PROPERTY + "=embedded");
                case "testcontainers" -> choose(TESTCONTAINERS, PROPERTY + "=testcontainers");
                case "auto" -> {
                    if (DockerClientFactory.instance().isDockerAvailable()) {
                        choose(TESTCONTAINERS, PROPERTY + "=auto and a Docker engine answers");
                    } else {
                        choose(EMBEDDED, PROPERTY + "=auto and no Docker engine answers");
                    }
                }
                default ->
                    throw new IllegalArgumentException(
                            PROPERTY + "=" + asked + ": expected auto, testcontainers or embedded");
            }
            System.out.println("Tests' PostgreSQL: " + chosen.description() + " (" + reason + ")");
        }
        return chosen;
    }

    private static void choose(PostgresSource source, String why) {
        chosen = source;
        reason = why;
    }

    /** Why the switch chose what it chose, for test reports. */
    public static synchronized String reason() {
        chosen();
        return reason;
    }

    String description() {
        return this == TESTCONTAINERS
                ? "a Testcontainers PostgreSQL 17 container"
                : "the embedded PostgreSQL 17 server (zonky)";
    }

    /**
     * Runs a test class only when the tests' PostgreSQL comes from Testcontainers; otherwise it is skipped with the
     * switch's reason in the report.
     */
    public static final class OnlyWithTestcontainers implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return chosen() == TESTCONTAINERS
                    ? ConditionEvaluationResult.enabled("PostgreSQL from Testcontainers (" + reason() + ")")
                    : ConditionEvaluationResult.disabled("Needs a Docker engine: the tests' PostgreSQL is "
                            + EMBEDDED.description() + " because " + reason());
        }
    }
}
