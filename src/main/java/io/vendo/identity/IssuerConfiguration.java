package io.vendo.identity;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;

/**
 * The OIDC issuer, when one is configured ({@value #ISSUER_PROPERTY}): the portal's app client for browser logins,
 * and the decoder that accepts the API's access tokens. The filter chains ({@link SecurityConfiguration}) use both.
 */
@Configuration(proxyBeanMethods = false)
class IssuerConfiguration {

    static final String REGISTRATION_ID = "vendo";
    static final String ISSUER_PROPERTY = "vendo.identity.oidc.issuer-uri";

    /** The portal's app client, from the issuer's discovery document (read once, at startup). */
    @Bean
    @ConditionalOnProperty(ISSUER_PROPERTY)
    ClientRegistrationRepository clientRegistrations(IdentityProperties properties) {
        var oidc = properties.oidc();
        var registration = ClientRegistrations.fromIssuerLocation(oidc.issuer().toString())
                .registrationId(REGISTRATION_ID)
                .clientId(oidc.portalClientId())
                .clientSecret(oidc.clientSecret())
                .scope(oidc.scopes())
                .build();
        return new InMemoryClientRegistrationRepository(registration);
    }

    /**
     * Access tokens: signed by the issuer with RS256 (keys from its JWKS; a token with an unknown {@code kid} makes the
     * decoder fetch the key set again, so key rotation needs no restart), from the issuer, unexpired, an access token
     * ({@code token_use=access}: Cognito's ID tokens are signed by the same keys), and issued to an accepted client
     * ({@code client_id}; Cognito access tokens carry no {@code aud}). The discovery document is read on first use.
     */
    @Bean
    @ConditionalOnProperty(ISSUER_PROPERTY)
    JwtDecoder accessTokenDecoder(IdentityProperties properties) {
        var issuer = properties.oidc().issuer().toString();
        var accepted = properties.acceptedClientIds();
        return new SupplierJwtDecoder(() -> {
            var decoder = NimbusJwtDecoder.withIssuerLocation(issuer)
                    .jwsAlgorithm(SignatureAlgorithm.RS256)
                    .build();
            decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                    JwtValidators.createDefaultWithIssuer(issuer),
                    new JwtClaimValidator<String>("token_use", "access"::equals),
                    new JwtClaimValidator<String>("client_id", accepted::contains)));
            return decoder;
        });
    }
}
