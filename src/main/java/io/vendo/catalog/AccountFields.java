package io.vendo.catalog;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Account Factory's rules for the fields of an ACCOUNT request, beyond what the template's own constraints say:
 * Organizations' e-mail and name formats, and the organizational units the blueprint allows.
 */
final class AccountFields {

    static final int MAX_EMAIL = 64;
    private static final Pattern EMAIL = Pattern.compile("[^\\s@]+@[^\\s@]+\\.[^\\s@]+");
    private static final Pattern ACCOUNT_NAME = Pattern.compile("[\\u0020-\\u007E]{1,50}");

    private AccountFields() {}

    static Map<String, String> check(Delivery delivery, Map<String, String> values) {
        var errors = new LinkedHashMap<String, String>();
        var name = values.getOrDefault("AccountName", "");
        if (!ACCOUNT_NAME.matcher(name).matches() || name.isBlank()) {
            errors.put("AccountName", "An account name has 1 to 50 printable ASCII characters");
        }
        email(errors, "AccountEmail", values.getOrDefault("AccountEmail", ""));
        email(errors, "SSOUserEmail", values.getOrDefault("SSOUserEmail", ""));
        for (var field : new String[] {"SSOUserFirstName", "SSOUserLastName"}) {
            var value = values.getOrDefault(field, "");
            if (value.isBlank() || value.length() > 64) {
                errors.put(field, "Give 1 to 64 characters");
            }
        }
        var unit = values.getOrDefault("ManagedOrganizationalUnit", "");
        var allowed = delivery.allowedOrganizationalUnits();
        if (!allowed.contains(unit)) {
            errors.put(
                    "ManagedOrganizationalUnit",
                    "Choose one of the organizational units this blueprint allows: " + String.join(", ", allowed));
        }
        return errors;
    }

    private static void email(Map<String, String> errors, String field, String value) {
        if (value.length() > MAX_EMAIL) {
            errors.put(field, "At most %d characters: AWS accepts no longer account e-mail".formatted(MAX_EMAIL));
        } else if (!EMAIL.matcher(value).matches()) {
            errors.put(field, "Give an e-mail address such as team-aws@example.com");
        }
    }
}
