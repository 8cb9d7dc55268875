package io.vendo.catalog;

import io.vendo.web.PlainText;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /** A name: required, one line, no control characters or direction marks, at most {@code max} characters. */
    static void text(Map<String, String> errors, String field, @Nullable String value, int max) {
        if (value == null || value.isBlank()) {
            errors.put(field, "Required");
        } else if (value.length() > max) {
            errors.put(field, "At most %d characters".formatted(max));
        } else {
            plain(errors, field, value, PlainText.SINGLE_LINE);
        }
    }

    static void plain(Map<String, String> errors, String field, String value, PlainText rule) {
        rule.problem(value).ifPresent(problem -> errors.put(field, "The text " + problem));
    }
}
