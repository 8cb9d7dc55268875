package io.vendo.identity;

import java.util.List;
import java.util.stream.Stream;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.web.servlet.PathRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two filter chains: a stateless one for {@code /api/**} that answers 401/403 with problem details, and a session
 * one for pages with form login and CSRF. Both authenticate the configured demo users; the portal refuses to start
 * without any way to log people in.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@EnableConfigurationProperties(IdentityProperties.class)
class SecurityConfiguration implements WebMvcConfigurer {

    /** Everything a page needs is served by the portal itself; nothing inline, nothing from a CDN. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'none'";

    /**
     * Actuator endpoints other than health (metrics, Prometheus): admins only, stateless with HTTP Basic so that a
     * scraper can authenticate; health stays open for load balancers and probes.
     */
    @Bean
    @Order(0)
    SecurityFilterChain managementFilterChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/actuator/**")
                .authorizeHttpRequests(requests -> requests.requestMatchers("/actuator/health", "/actuator/health/**")
                        .permitAll()
                        .anyRequest()
                        .hasRole(Role.ADMIN.name()))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .httpBasic(basic -> {});
        return http.build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiFilterChain(HttpSecurity http, JsonMapper jsonMapper) throws Exception {
        var problems = new ProblemDetailsSecurityHandler(jsonMapper);
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> requests.requestMatchers(HttpMethod.POST, "/api/v1/requests")
                        .hasRole(Role.REQUESTER.name())
                        .requestMatchers(HttpMethod.POST, "/api/v1/requests/*/decisions")
                        .hasAnyRole(Role.APPROVER.name(), Role.ADMIN.name())
                        .anyRequest()
                        .authenticated())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .exceptionHandling(
                        handling -> handling.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pageFilterChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests.requestMatchers(
                                PathRequest.toStaticResources().atCommonLocations())
                        .permitAll()
                        .requestMatchers("/assets/**", "/login", "/error", "/actuator/health/**")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .formLogin(login -> login.loginPage("/login").permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * The demo users' passwords are published in the README, so hashing them would protect nothing; it would only
     * spend ~100 ms of CPU (bcrypt) on every API call of the local run. They are compared as they are.
     */
    @Bean
    UserDetailsService demoUsers(IdentityProperties properties) {
        if (properties.demoUsers().isEmpty()) {
            throw new IllegalStateException("Vendo has no way to log people in: configure vendo.identity.demo-users "
                    + "(local run only; see README)");
        }
        List<UserDetails> users = properties.demoUsers().stream()
                .map(demo -> User.withUsername(demo.username())
                        .password("{noop}" + demo.password())
                        .authorities(authorities(demo))
                        .build())
                .toList();
        return new InMemoryUserDetailsManager(users);
    }

    private static List<SimpleGrantedAuthority> authorities(IdentityProperties.DemoUser user) {
        var roles = user.roles().stream().map(role -> new SimpleGrantedAuthority(role.authority()));
        var teams = user.teams().stream().map(team -> new SimpleGrantedAuthority(Actor.TEAM_PREFIX + team));
        return Stream.concat(roles, teams).toList();
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new ActorArgumentResolver());
    }
}
