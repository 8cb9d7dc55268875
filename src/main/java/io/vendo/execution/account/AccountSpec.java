package io.vendo.execution.account;

import io.vendo.execution.AwsTarget;
import io.vendo.execution.DeploymentParameters;
import java.util.Map;
import java.util.UUID;

/**
 * Everything needed to create one request's account through Organizations. CreateAccount has no idempotency token:
 * its tag {@code vendo:request-id} (and the creation's request id, once known) is what identifies the account as this
 * request's.
 *
 * @param parameters the request's Account Factory fields: {@code AccountName}, {@code AccountEmail},
 *     {@code ManagedOrganizationalUnit} (the id, {@code ou-…}, of the unit the account is moved into)
 * @param roleName the role Organizations creates in the account for the management account to assume
 */
public record AccountSpec(
        UUID requestId, DeploymentParameters parameters, String roleName, Map<String, String> tags, AwsTarget target) {

    public static final String ACCOUNT_NAME = "AccountName";
    public static final String ACCOUNT_EMAIL = "AccountEmail";
    public static final String ORGANIZATIONAL_UNIT = "ManagedOrganizationalUnit";

    public AccountSpec {
        tags = Map.copyOf(tags);
    }

    /** The account's e-mail in plain text, for a call to AWS. */
    public String email() {
        return parameters.forAws().getOrDefault(ACCOUNT_EMAIL, "");
    }

    /** The account's name in plain text, for a call to AWS. */
    public String accountName() {
        return parameters.forAws().getOrDefault(ACCOUNT_NAME, "");
    }

    /** The organizational unit's id in plain text, for a call to AWS. */
    public String organizationalUnit() {
        return parameters.forAws().getOrDefault(ORGANIZATIONAL_UNIT, "");
    }

    /** A field as people may see it (NoEcho masked), for plans, the timeline and outputs. */
    public String shown(String name) {
        return parameters.shown(name, "");
    }
}
