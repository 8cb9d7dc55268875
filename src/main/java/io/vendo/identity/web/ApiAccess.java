package io.vendo.identity.web;

import io.vendo.identity.Actor;
import io.vendo.identity.Role;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * The API's first gate, by URL and {@link Actor}: who may call an operation at all. Which requests a caller may see
 * or change is decided again by the services (requests, approvals), which answer 404 for requests the caller may not
 * see.
 */
public final class ApiAccess {

    private ApiAccess() {}

    public static void rules(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests.requestMatchers(
                        HttpMethod.GET,
                        "/api/v1/blueprints",
                        "/api/v1/blueprints/**",
                        "/api/v1/targets",
                        "/api/v1/targets/**")
                .access(actor(ApiAccess::readsCatalog))
                .requestMatchers(HttpMethod.GET, "/api/v1/requests", "/api/v1/requests/**")
                .access(actor(Actor::mayReadRequests))
                .requestMatchers(HttpMethod.GET, "/api/v1/environments", "/api/v1/environments/**")
                .access(actor(Actor::mayReadRequests))
                .requestMatchers(
                        HttpMethod.POST,
                        "/api/v1/requests",
                        "/api/v1/requests/*/cancel",
                        "/api/v1/environments/*/extensions",
                        "/api/v1/environments/*/decommissions")
                .access(actor(actor -> actor.has(Role.REQUESTER)))
                .requestMatchers(HttpMethod.POST, "/api/v1/requests/*/decisions")
                .access(actor(actor -> actor.has(Role.APPROVER) || actor.has(Role.ADMIN)))
                .requestMatchers("/api/v1/audit/**", "/api/v1/admin/**")
                .access(actor(actor -> actor.has(Role.ADMIN)))
                .anyRequest()
                .access(actor(
                        actor -> !actor.roles().isEmpty() || !actor.scopes().isEmpty()));
    }

    /** People with any role; integrations with any Vendo scope. */
    private static boolean readsCatalog(Actor actor) {
        return !actor.roles().isEmpty() || !actor.scopes().isEmpty();
    }

    private static AuthorizationManager<RequestAuthorizationContext> actor(Predicate<Actor> allowed) {
        return new AuthorizationManager<>() {
            @Override
            public AuthorizationResult authorize(
                    Supplier<? extends Authentication> authentication, RequestAuthorizationContext context) {
                var caller = authentication.get();
                if (caller == null || caller instanceof AnonymousAuthenticationToken || !caller.isAuthenticated()) {
                    return new AuthorizationDecision(false);
                }
                var actor = Actor.of(caller);
                return new AuthorizationDecision(
                        (actor.isIntegration() || !actor.roles().isEmpty()) && allowed.test(actor));
            }
        };
    }
}
