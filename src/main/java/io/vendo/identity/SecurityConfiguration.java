package io.vendo.identity;

import io.vendo.identity.web.ApiAccess;
import io.vendo.identity.web.ProblemDetailsSecurityHandler;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.web.servlet.PathRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two filter chains. {@code /api/**} is stateless: OAuth2 access tokens from the issuer (and, in the local profile
 * only, the demo users over HTTP Basic), 401/403 as problem details. Pages keep a session: login through the issuer
 * ({@code oauth2Login}; in the local profile also the demo users' form), CSRF on every form, session fixation
 * protection, a strict Content-Security-Policy, and a logout that also ends the issuer's session.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@EnableConfigurationProperties(IdentityProperties.class)
class SecurityConfiguration implements WebMvcConfigurer {

    static final String LOCAL_OUTBOX = "/local/outbox";

    /**
     * Everything a page needs is served by the portal itself; nothing inline, nothing from a CDN. Forms post only to
     * the portal, and to the issuer's logout (browsers apply {@code form-action} to the redirect after a post).
     */
    static String contentSecurityPolicy(@Nullable String logoutOrigin) {
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
                + "object-src 'none'; base-uri 'self'; form-action 'self'"
                + (logoutOrigin == null ? "" : " " + logoutOrigin)
                + "; frame-ancestors 'none'";
    }

    @Bean
    IdentityMode identityMode(IdentityProperties properties, Environment environment) {
        return new IdentityMode(properties, environment);
    }

    /**
     * Actuator endpoints other than health (metrics, Prometheus): admins only, stateless, so that a scraper can
     * authenticate — with an access token (a client-credentials client with {@code vendo/admin}), or in the local run
     * as a demo admin over HTTP Basic; health stays open for load balancers and probes. When Actuator has a port of
     * its own ({@code management.server.port}, as the Helm chart sets it), Prometheus is open on that port: it is
     * reachable only inside the cluster (Service, NetworkPolicy), never through the Ingress, so a scraper needs no
     * credentials there.
     */
    @Bean
    @Order(0)
    SecurityFilterChain managementFilterChain(
            HttpSecurity http,
            IdentityMode mode,
            IdentityProperties properties,
            ObjectProvider<JwtDecoder> accessTokens)
            throws Exception {
        http.securityMatcher("/actuator/**")
                .authorizeHttpRequests(requests -> requests.requestMatchers("/actuator/health", "/actuator/health/**")
                        .permitAll()
                        .requestMatchers(ManagementServer.PROMETHEUS)
                        .permitAll()
                        .anyRequest()
                        .hasRole(Role.ADMIN.name()))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable());
        if (mode.oidc()) {
            var authentication = new AccessTokenAuthentication(new GroupMapping(properties), properties);
            http.oauth2ResourceServer(server -> server.jwt(
                    jwt -> jwt.decoder(accessTokens.getObject()).jwtAuthenticationConverter(authentication)));
        }
        if (mode.passwords()) {
            http.httpBasic(basic -> {});
        }
        return http.build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiFilterChain(
            HttpSecurity http,
            JsonMapper jsonMapper,
            IdentityMode mode,
            IdentityProperties properties,
            ObjectProvider<JwtDecoder> accessTokens)
            throws Exception {
        var problems = new ProblemDetailsSecurityHandler(jsonMapper, mode.passwords());
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(ApiAccess::rules)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // No cookies authenticate here, so there is nothing to forge across sites.
                .csrf(csrf -> csrf.disable())
                .exceptionHandling(
                        handling -> handling.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        if (mode.oidc()) {
            var authentication = new AccessTokenAuthentication(new GroupMapping(properties), properties);
            http.oauth2ResourceServer(server -> server.jwt(
                            jwt -> jwt.decoder(accessTokens.getObject()).jwtAuthenticationConverter(authentication))
                    .authenticationEntryPoint(problems)
                    .accessDeniedHandler(problems));
        }
        if (mode.passwords()) {
            http.httpBasic(basic -> basic.authenticationEntryPoint(problems));
        }
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pageFilterChain(
            HttpSecurity http,
            IdentityMode mode,
            IdentityProperties properties,
            ObjectProvider<People> people,
            ObjectProvider<ClientRegistrationRepository> clientRegistrations)
            throws Exception {
        var csp = contentSecurityPolicy(IssuerLogout.origin(properties, clientRegistrations.getIfAvailable()));
        var open = new ArrayList<>(List.of(
                "/assets/**",
                "/login",
                "/error",
                "/actuator/health/**",
                // Actuator's probes on the portal's own port when Actuator has a port of its own
                // (management.endpoint.health.probes.add-additional-paths): for load balancers.
                "/livez",
                "/readyz",
                "/v3/api-docs",
                "/v3/api-docs.yaml"));
        if (mode.passwords()) {
            // The local run's outbox is read before logging in, as a local mail catcher is. Outside the local run
            // nothing answers there.
            open.add(LOCAL_OUTBOX);
        }
        http.authorizeHttpRequests(requests -> requests.requestMatchers(
                                PathRequest.toStaticResources().atCommonLocations())
                        .permitAll()
                        .requestMatchers(open.toArray(String[]::new))
                        .permitAll()
                        .requestMatchers("/admin/**")
                        .hasRole(Role.ADMIN.name())
                        .requestMatchers("/approvals")
                        .hasAnyRole(Role.APPROVER.name(), Role.ADMIN.name())
                        .anyRequest()
                        .authenticated())
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                .headers(headers -> headers.contentSecurityPolicy(policy -> policy.policyDirectives(csp))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
                .logout(logout -> logout.logoutSuccessHandler(
                        IssuerLogout.handler(properties, clientRegistrations.getIfAvailable())));
        if (mode.oidc()) {
            var users = new GroupMappedOidcUserService(new GroupMapping(properties), people.getObject());
            http.oauth2Login(login -> login.loginPage("/login")
                    .failureUrl("/login?error")
                    .userInfoEndpoint(userInfo -> userInfo.oidcUserService(users)));
        }
        if (mode.passwords()) {
            http.formLogin(login -> login.loginPage("/login").permitAll());
        } else {
            // Nobody has a password here: go straight to the issuer instead of showing a page with one button.
            http.exceptionHandling(handling -> handling.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint(
                    "/oauth2/authorization/" + IssuerConfiguration.REGISTRATION_ID)));
        }
        return http.build();
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new ActorArgumentResolver());
    }
}
