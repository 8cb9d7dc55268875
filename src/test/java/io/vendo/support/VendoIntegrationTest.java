package io.vendo.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole portal on a random port with a fresh database in the test PostgreSQL, the demo users and catalog, and a
 * scheduler tuned to react in milliseconds instead of seconds.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "vendo.scheduler.polling-interval=100ms",
            "vendo.execution.first-poll-delay=50ms",
            "vendo.execution.change-set-poll-delay=50ms",
            "vendo.execution.max-poll-delay=200ms",
            "vendo.execution.account-first-poll-delay=50ms",
            "vendo.execution.account-max-poll-delay=200ms",
            "vendo.execution.retry-delay=50ms",
            "vendo.scheduler.heartbeat-interval=1s",
            // A key per build, made by the first context, never the local run's.
            "vendo.request.secret-key-file=target/test-secret-parameters.key",
            // The test JVM has AWS credentials (for the SDK clients that reach WireMock): a test that talks to AWS
            // says so with LiveAws, every other one runs dry instead of reaching for the real AWS.
            "vendo.aws.mode=dry-run",
            // Scheduled drift checks would start whenever a test moves the clock by days: a test that wants them
            // turns them on.
            "vendo.environment.drift.scheduled=false",
        })
@Import(TestPostgres.class)
@ActiveProfiles("local")
public @interface VendoIntegrationTest {}
