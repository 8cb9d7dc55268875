package io.vendo.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * What an {@code @ApplicationModuleTest} of Vendo runs on: a fresh database in the test PostgreSQL, the demo users and
 * catalog of the local run, and a scheduler that reacts in milliseconds. Only the module under test (and the modules
 * its mode takes along) is started: other modules' beans and listeners are not there.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Import(TestPostgres.class)
@ActiveProfiles("local")
@TestPropertySource(
        properties = {
            "vendo.scheduler.polling-interval=100ms",
            "vendo.scheduler.heartbeat-interval=1s",
            "vendo.request.secret-key-file=target/test-secret-parameters.key",
            "vendo.aws.mode=dry-run",
            // The readiness group names the aws module's health, which a module test may not start.
            "management.endpoint.health.validate-group-membership=false",
        })
public @interface ModuleTestSettings {}
