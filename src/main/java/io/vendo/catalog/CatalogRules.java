package io.vendo.catalog;

import io.vendo.web.PlainText;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.regions.Region;

/**
 * What the catalog accepts, field by field, with AWS's own formats where AWS will use the value: each check returns
 * every problem at once, keyed by field.
 */
final class CatalogRules {

    static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    static final Pattern ACCOUNT_ID = Pattern.compile("[0-9]{12}");
    static final Pattern ROLE_ARN = Pattern.compile("arn:aws(-cn|-us-gov)?:iam::[0-9]{12}:role/[\\w+=,.@/-]{1,512}");
    static final Pattern EXTERNAL_ID = Pattern.compile("[\\w+=,.@:/-]{2,1224}");
    static final Pattern OU_ID = Pattern.compile("ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}");
    static final Pattern PRODUCT_ID = Pattern.compile("prod-[a-z0-9]{1,100}");
    static final Pattern ARTIFACT_ID = Pattern.compile("pa-[a-z0-9]{1,100}");
    static final Pattern PATH_ID = Pattern.compile("lpv\\d?-[a-z0-9]{1,100}");
    static final Pattern STACK_SET_NAME = Pattern.compile("[a-zA-Z][-a-zA-Z0-9]{0,127}");
    static final Pattern ROLE_NAME = Pattern.compile("[\\w+=,.@-]{1,64}");
    static final Set<String> CAPABILITIES = Set.of("CAPABILITY_IAM", "CAPABILITY_NAMED_IAM", "CAPABILITY_AUTO_EXPAND");

    /** The request parameters an ACCOUNT blueprint's template must declare: Account Factory's fields. */
    static final List<String> ACCOUNT_FIELDS = List.of(
            "AccountName",
            "AccountEmail",
            "ManagedOrganizationalUnit",
            "SSOUserEmail",
            "SSOUserFirstName",
            "SSOUserLastName");

    private static final int MAX_TAGS = 50;
    static final java.time.Duration MAX_LIFETIME = java.time.Duration.ofDays(36_500);

    private CatalogRules() {}

    static java.util.SortedSet<String> regions() {
        return Region.regions().stream()
                .filter(region -> !region.isGlobalRegion())
                .map(Region::id)
                .collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    static Map<String, String> check(String slug) {
        var errors = new LinkedHashMap<String, String>();
        if (slug == null || !SLUG.matcher(slug).matches()) {
            errors.put("slug", "Use 1 to 63 lower-case letters, digits and hyphens, starting with a letter or digit");
        }
        return errors;
    }

    static Map<String, String> check(BlueprintMetadata metadata) {
        var errors = new LinkedHashMap<String, String>();
        text(errors, "name", metadata.name(), 200);
        text(errors, "owner", metadata.owner(), 200);
        if (metadata.description() == null || metadata.description().length() > 4000) {
            errors.put("description", "At most 4,000 characters");
        } else {
            plain(errors, "description", metadata.description(), PlainText.FREE_TEXT);
        }
        if (metadata.tags().size() > MAX_TAGS) {
            errors.put("tags", "At most %d tags: AWS allows no more on a resource".formatted(MAX_TAGS));
        }
        metadata.tags().forEach((key, value) -> {
            if (key.isEmpty() || key.length() > 128) {
                errors.put("tags", "Tag key '%s' must have 1 to 128 characters".formatted(key));
            } else if (!PlainText.SINGLE_LINE.accepts(key)) {
                errors.put(
                        "tags",
                        "A tag key " + PlainText.SINGLE_LINE.problem(key).orElseThrow());
            } else if (value != null && !PlainText.SINGLE_LINE.accepts(value)) {
                errors.put(
                        "tags",
                        "Tag '%s' has a value that %s"
                                .formatted(
                                        key,
                                        PlainText.SINGLE_LINE.problem(value).orElseThrow()));
            } else if (key.toLowerCase().startsWith("aws:")) {
                errors.put("tags", "Tag key '%s' uses the prefix aws:, which AWS reserves".formatted(key));
            } else if (value == null || value.length() > 256) {
                errors.put("tags", "Tag '%s' needs a value of at most 256 characters".formatted(key));
            }
        });
        if (metadata.approvalPolicy() != null && metadata.approvalPolicy().isBlank()) {
            errors.put("approvalPolicy", "Name a policy or leave it out");
        } else if (metadata.approvalPolicy() != null) {
            plain(errors, "approvalPolicy", metadata.approvalPolicy(), PlainText.SINGLE_LINE);
        }
        if (metadata.maxLifetime() != null
                && (metadata.maxLifetime().isNegative()
                        || metadata.maxLifetime().isZero())) {
            errors.put("maxLifetime", "Must be longer than zero");
        } else if (metadata.maxLifetime() != null && metadata.maxLifetime().compareTo(MAX_LIFETIME) > 0) {
            // Far beyond any lease, and far enough to overflow the expiry date computed from it.
            errors.put("maxLifetime", "At most %d days".formatted(MAX_LIFETIME.toDays()));
        }
        if (metadata.quotaPerTeam() != null && metadata.quotaPerTeam() < 1) {
            errors.put("quotaPerTeam", "At least 1, or no quota");
        }
        return errors;
    }

    /** The version's own fields, before its template is parsed. */
    static Map<String, String> check(BlueprintKind kind, List<String> capabilities, Delivery delivery) {
        var errors = new LinkedHashMap<String, String>();
        capabilities.stream()
                .filter(capability -> !CAPABILITIES.contains(capability))
                .findFirst()
                .ifPresent(capability -> errors.put(
                        "capabilities",
                        "Unknown capability %s; CloudFormation knows %s"
                                .formatted(
                                        capability,
                                        String.join(
                                                ", ",
                                                CAPABILITIES.stream().sorted().toList()))));
        if (delivery.kind() != kind) {
            errors.put(
                    "delivery",
                    "A %s blueprint cannot be delivered as %s"
                            .formatted(kind, delivery.getClass().getSimpleName()));
            return errors;
        }
        switch (delivery) {
            case Delivery.Stack stack -> {}
            case Delivery.AccountFactory factory -> {
                pattern(
                        errors,
                        "delivery.productId",
                        factory.productId(),
                        PRODUCT_ID,
                        "a product id such as prod-abc123");
                pattern(
                        errors,
                        "delivery.provisioningArtifactId",
                        factory.provisioningArtifactId(),
                        ARTIFACT_ID,
                        "a provisioning artifact id such as pa-abc123");
                if (factory.allowedOrganizationalUnits().isEmpty()
                        || factory.allowedOrganizationalUnits().stream().anyMatch(String::isBlank)) {
                    errors.put(
                            "delivery.allowedOrganizationalUnits",
                            "List the organizational units new accounts may be placed in");
                }
            }
            case Delivery.OrganizationsAccount organizations -> {
                if (organizations.allowedOrganizationalUnits().isEmpty()
                        || !organizations.allowedOrganizationalUnits().stream()
                                .allMatch(ou -> OU_ID.matcher(ou).matches())) {
                    errors.put("delivery.allowedOrganizationalUnits", "List OU ids such as ou-ab12-cd34ef56");
                }
                pattern(
                        errors,
                        "delivery.executionRoleName",
                        organizations.executionRoleName(),
                        ROLE_NAME,
                        "an IAM role name");
            }
            case Delivery.ServiceCatalogProduct product -> {
                pattern(
                        errors,
                        "delivery.productId",
                        product.productId(),
                        PRODUCT_ID,
                        "a product id such as prod-abc123");
                pattern(
                        errors,
                        "delivery.provisioningArtifactId",
                        product.provisioningArtifactId(),
                        ARTIFACT_ID,
                        "a provisioning artifact id such as pa-abc123");
                if (product.pathId() != null) {
                    pattern(
                            errors,
                            "delivery.pathId",
                            product.pathId(),
                            PATH_ID,
                            "a launch path id such as lpv3-abc123");
                }
            }
            case Delivery.StackSet stackSet -> {
                pattern(
                        errors,
                        "delivery.stackSetName",
                        stackSet.stackSetName(),
                        STACK_SET_NAME,
                        "a StackSet name: a letter, then letters, digits and hyphens, at most 128");
                var known = regions();
                if (stackSet.regions().isEmpty()) {
                    errors.put("delivery.regions", "List at least one region");
                } else {
                    stackSet.regions().stream()
                            .filter(region -> !known.contains(region))
                            .findFirst()
                            .ifPresent(region -> errors.put("delivery.regions", "Unknown region " + region));
                }
                if (stackSet.maxConcurrentPercentage() < 1 || stackSet.maxConcurrentPercentage() > 100) {
                    errors.put("delivery.maxConcurrentPercentage", "Between 1 and 100");
                }
                if (stackSet.failureTolerancePercentage() < 0 || stackSet.failureTolerancePercentage() > 100) {
                    errors.put("delivery.failureTolerancePercentage", "Between 0 and 100");
                }
            }
        }
        return errors;
    }

    /** What the parsed template must offer for the blueprint's kind. */
    static Map<String, String> check(BlueprintKind kind, List<ParameterDefinition> parameters) {
        var errors = new LinkedHashMap<String, String>();
        if (kind == BlueprintKind.ACCOUNT) {
            var declared = parameters.stream().map(ParameterDefinition::name).collect(Collectors.toSet());
            var missing = ACCOUNT_FIELDS.stream()
                    .filter(field -> !declared.contains(field))
                    .toList();
            if (!missing.isEmpty()) {
                errors.put(
                        "template",
                        "An ACCOUNT blueprint's template must declare Account Factory's parameters; missing: "
                                + String.join(", ", missing));
            }
            parameters.stream()
                    .filter(parameter -> parameter.name().equals("AccountEmail") && parameter.noEcho())
                    .findFirst()
                    .ifPresent(parameter -> errors.put(
                            "template",
                            "AccountEmail cannot be NoEcho: Vendo keeps account e-mails unique across requests and"
                                    + " checks them against the organization's accounts"));
        }
        return errors;
    }

    static Map<String, String> check(NewTarget target) {
        var errors = new LinkedHashMap<String, String>(check(target.slug()));
        text(errors, "name", target.name(), 200);
        if (target.accountId() == null
                || !ACCOUNT_ID.matcher(target.accountId()).matches()) {
            errors.put("accountId", "An AWS account id is exactly 12 digits");
        }
        if (target.region() == null || !regions().contains(target.region())) {
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
                .filter(slug -> !SLUG.matcher(slug).matches())
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

    /** A name: required, one line, no control characters or direction marks, at most {@code max} characters. */
    private static void text(Map<String, String> errors, String field, @Nullable String value, int max) {
        if (value == null || value.isBlank()) {
            errors.put(field, "Required");
        } else if (value.length() > max) {
            errors.put(field, "At most %d characters".formatted(max));
        } else {
            plain(errors, field, value, PlainText.SINGLE_LINE);
        }
    }

    private static void plain(Map<String, String> errors, String field, String value, PlainText rule) {
        rule.problem(value).ifPresent(problem -> errors.put(field, "The text " + problem));
    }

    private static void pattern(
            Map<String, String> errors, String field, @Nullable String value, Pattern pattern, String expected) {
        if (value == null || !pattern.matcher(value).matches()) {
            errors.put(field, "Give " + expected);
        }
    }
}
