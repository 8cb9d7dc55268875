package io.vendo.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** Outside the local run the portal starts only with an issuer, and never with password users. */
class IdentityModeTest {

    private final ApplicationContextRunner portal =
            new ApplicationContextRunner().withUserConfiguration(IdentityOnly.class);

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(IdentityProperties.class)
    static class IdentityOnly {
        @Bean
        IdentityMode identityMode(IdentityProperties properties, Environment environment) {
            return new IdentityMode(properties, environment);
        }
    }

    @Test
    void refusesToStartWithoutAnIssuer() {
        portal.run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure())
                    .rootCause()
                    .hasMessageContaining("Vendo has no way to log people in")
                    .hasMessageContaining("vendo.identity.oidc.issuer-uri");
        });
    }

    @Test
    void refusesDemoUsersOutsideTheLocalProfile() {
        portal.withPropertyValues(
                        "vendo.identity.oidc.issuer-uri=https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Pool",
                        "vendo.identity.oidc.client-id=portal",
                        "vendo.identity.demo-users[0].username=admin",
                        "vendo.identity.demo-users[0].password=admin",
                        "vendo.identity.demo-users[0].roles=ADMIN")
                .run(context -> assertThat(context.getStartupFailure())
                        .rootCause()
                        .hasMessageContaining("demo-users is set outside the 'local' profile"));
    }

    @Test
    void refusesAnIssuerWithoutTheAppClient() {
        portal.withPropertyValues(
                        "vendo.identity.oidc.issuer-uri=https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Pool")
                .run(context -> assertThat(context.getStartupFailure())
                        .rootCause()
                        .hasMessageContaining("vendo.identity.oidc.client-id"));
    }

    @Test
    void startsWithAnIssuerAndItsAppClient() {
        portal.withPropertyValues(
                        "vendo.identity.oidc.issuer-uri=https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Pool",
                        "vendo.identity.oidc.client-id=portal")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(IdentityMode.class).oidc()).isTrue();
                    assertThat(context.getBean(IdentityMode.class).passwords()).isFalse();
                });
    }

    @Test
    void theLocalRunLogsInDemoUsersWithPasswords() {
        portal.withInitializer(context -> context.getEnvironment().setActiveProfiles("local"))
                .withPropertyValues(
                        "vendo.identity.demo-users[0].username=admin",
                        "vendo.identity.demo-users[0].password=admin",
                        "vendo.identity.demo-users[0].roles=ADMIN")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(IdentityMode.class).passwords()).isTrue();
                    assertThat(context.getBean(IdentityMode.class).oidc()).isFalse();
                });
    }
}
