package io.vendo.web;

/**
 * The OAuth 2.0 scopes of the API as the OpenAPI document names them: what a client-credentials token must carry for
 * an operation (people's tokens are authorised by their roles instead).
 */
public final class ApiScopes {

    public static final String SCHEME = "bearer";
    public static final String REQUESTS_READ = "vendo/requests.read";
    public static final String REQUESTS_WRITE = "vendo/requests.write";
    public static final String DECISIONS_WRITE = "vendo/decisions.write";
    public static final String ADMIN = "vendo/admin";

    private ApiScopes() {}
}
