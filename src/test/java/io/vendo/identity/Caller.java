package io.vendo.identity;

import io.vendo.support.ApiClient;
import io.vendo.support.OidcIssuer;
import java.util.List;
import java.util.function.Supplier;

/**
 * The callers of the authorization matrix, each with a fresh token from the real issuer. People get their roles and
 * teams from Cognito groups ({@code vendo-*} → roles, {@code team-*} → teams); integrations from their scopes and the
 * teams configured for their client id ({@link OidcIssuer.Initializer}).
 */
enum Caller {
    ANONYMOUS(null),
    /** Rita files the requests under test; team web-team. */
    REQUESTER(() -> OidcIssuer.userAccessToken("rita", List.of("vendo-requesters", "team-web-team"))),
    OTHER_TEAM_REQUESTER(() -> OidcIssuer.userAccessToken("olga", List.of("vendo-requesters", "team-data-team"))),
    APPROVER(() -> OidcIssuer.userAccessToken("paul", List.of("vendo-approvers", "team-platform-team"))),
    ADMIN(() -> OidcIssuer.userAccessToken("ada", List.of("vendo-admins", "vendo-approvers", "team-admins"))),
    CLIENT_READ(() -> OidcIssuer.clientToken("ci-reader", "vendo/requests.read")),
    CLIENT_WRITE(() -> OidcIssuer.clientToken("ci-writer", "vendo/requests.write")),
    CLIENT_DECIDE(() -> OidcIssuer.clientToken("chatops", "vendo/decisions.write")),
    CLIENT_ADMIN(() -> OidcIssuer.clientToken("ops-admin", "vendo/admin"));

    private final Supplier<String> token;

    Caller(Supplier<String> token) {
        this.token = token;
    }

    ApiClient api(int port) {
        return token == null ? ApiClient.anonymous(port) : ApiClient.withToken(token.get(), port);
    }
}
