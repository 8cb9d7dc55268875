/**
 * Who is calling: browser login through an OIDC issuer (Cognito or any other; demo users in the local run only), the
 * API's access tokens (people and client-credentials integrations), the mapping of groups to roles and teams, the
 * people directory, and the {@link io.vendo.identity.Actor} every other module receives instead of Spring Security
 * types.
 *
 * <p>Its door is {@link io.vendo.identity.Actor}, resolved for every controller method that asks for one. What other
 * modules may hold besides, by named interface:
 *
 * <ul>
 *   <li>{@code identity::roles} — what an actor may do: its {@link io.vendo.identity.Role roles} and API scopes
 *       (request, approval);
 *   <li>{@code identity::directory} — whom to invite and where to write: the {@link io.vendo.identity.Directory} of
 *       people (approval, notification).
 * </ul>
 *
 * Everything else — the filter chains, the issuer's client and token decoder, the group mapping — is package-private.
 */
@ApplicationModule(
        displayName = "Identity",
        allowedDependencies = {"web"})
@NullMarked
package io.vendo.identity;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
