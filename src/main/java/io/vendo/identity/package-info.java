/**
 * Who is calling: authentication (local demo users now, Cognito/OIDC next), the mapping of groups to roles and
 * teams, and the {@link io.vendo.identity.Actor} every other module receives instead of Spring Security types.
 */
@ApplicationModule(displayName = "Identity")
package io.vendo.identity;

import org.springframework.modulith.ApplicationModule;
