package io.vendo.execution;

import java.util.Map;
import java.util.UUID;

/**
 * Everything needed to create one request's account through Organizations. CreateAccount has no idempotency token:
 * the account's e-mail, unique across AWS, is what a lookup finds it by.
 *
 * @param organizationalUnit the id ({@code ou-…}) of the organizational unit the account is moved into
 * @param roleName the role Organizations creates in the account for the management account to assume
 */
public record AccountSpec(
        UUID requestId,
        String accountName,
        String email,
        String organizationalUnit,
        String roleName,
        Map<String, String> tags,
        AwsTarget target) {

    public AccountSpec {
        tags = Map.copyOf(tags);
    }
}
