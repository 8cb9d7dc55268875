/**
 * Who is calling: browser login through an OIDC issuer (Cognito or any other; demo users in the local run only), the
 * API's access tokens (people and client-credentials integrations), the mapping of groups to roles and teams, the
 * people directory, and the {@link io.vendo.identity.Actor} every other module receives instead of Spring Security
 * types.
 */
@ApplicationModule(displayName = "Identity")
package io.vendo.identity;

import org.springframework.modulith.ApplicationModule;
