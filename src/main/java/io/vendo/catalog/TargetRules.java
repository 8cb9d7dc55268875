package io.vendo.catalog;

import io.vendo.web.PlainText;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a target must be, in AWS's own formats where AWS will use the value (account id, region, role ARN, STS's
 * external id), every problem at once, keyed by field.
 */
final class TargetRules {

    private static final Pattern ACCOUNT_ID = Pattern.compile("[0-9]{12}");
    private static final Pattern ROLE_ARN =
            Pattern.compile("arn:aws(-cn|-us-gov)?:iam::[0-9]{12}:role/[\\w+=,.@/-]{1,512}");
    private static final Pattern EXTERNAL_ID = Pattern.compile("[\\w+=,.@:/-]{2,1224}");

    private TargetRules() {}

    static Map<String, String> check(NewTarget target) {
        var errors = new LinkedHashMap<String, String>(CatalogRules.check(target.slug()));
        CatalogRules.text(errors, "name", target.name(), 200);
        if (target.accountId() == null
                || !ACCOUNT_ID.matcher(target.accountId()).matches()) {
            errors.put("accountId", "An AWS account id is exactly 12 digits");
        }
        if (target.region() == null || !CatalogRules.regions().contains(target.region())) {
            errors.put("region", "Choose one of AWS's regions, such as eu-west-1");
        }
        if (target.environment() == null) {
            errors.put("environment", "Choose SANDBOX, DEV, STAGING or PROD");
        }
        var role = target.executionRoleArn();
        if (role != null && !ROLE_ARN.matcher(role).matches()) {
            errors.put("executionRoleArn", "Give a role ARN such as arn:aws:iam::111122223333:role/VendoExecution");
        } else if (role != null && target.accountId() != null && !role.contains("::" + target.accountId() + ":")) {
            errors.put("executionRoleArn", "The role must be in the target account " + target.accountId());
        }
        var externalId = target.externalId();
        if (externalId != null && !EXTERNAL_ID.matcher(externalId).matches()) {
            errors.put("externalId", "2 to 1,224 letters, digits or +=,.@:/-_ (AWS STS's rule)");
        } else if (externalId != null && role == null) {
            errors.put("externalId", "An external id is only used when assuming a role: give the role ARN too");
        }
        target.allowedBlueprints().stream()
                .filter(slug -> !CatalogRules.SLUG.matcher(slug).matches())
                .findFirst()
                .ifPresent(slug -> errors.put("allowedBlueprints", "'%s' is not a blueprint slug".formatted(slug)));
        // Account Factory names OUs ("Workloads" or "Workloads (ou-ab12-cd34ef56)"), Organizations by id: both pass.
        target.allowedOrganizationalUnits().stream()
                .filter(ou ->
                        ou.isBlank() || ou.length() > 128 || ou.contains(",") || !PlainText.SINGLE_LINE.accepts(ou))
                .findFirst()
                .ifPresent(ou -> errors.put(
                        "allowedOrganizationalUnits",
                        "'%s' is not an organizational unit name or id (1 to 128 characters, no commas)"
                                .formatted(ou)));
        return errors;
    }
}
