package io.vendo.request;

import io.vendo.catalog.BlueprintVersionDetails;
import io.vendo.catalog.Delivery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What approvers of a StackSet's UPDATE decide on, as AWS computes no change set for StackSets: each
 * parameter whose value changes, old → new, NoEcho values shown as {@value RequestView#MASK} (that they change is
 * shown, never what they are), and the call that will carry them.
 */
final class ParameterChanges {

    private ParameterChanges() {}

    /**
     * @param before the values the environment runs with (NoEcho ones in plain text, never shown)
     * @param after the request's validated values
     * @param secrets the NoEcho parameters' names
     * @return none when no value changes
     */
    static @Nullable ChangePreview preview(
            BlueprintVersionDetails version,
            Map<String, String> before,
            Map<String, String> after,
            Set<String> secrets,
            Instant now) {
        var changes = new ArrayList<ChangePreview.ParameterChange>();
        after.forEach((name, value) -> {
            var old = before.get(name);
            if (!Objects.equals(old, value)) {
                var secret = secrets.contains(name);
                changes.add(new ChangePreview.ParameterChange(
                        name, old == null ? null : secret ? RequestView.MASK : old, secret ? RequestView.MASK : value));
            }
        });
        // Only a newer version, the same values: approvers read the version and values on the request.
        return changes.isEmpty()
                ? null
                : new ChangePreview(call(version), 1, java.util.List.of(), note(version), now, changes);
    }

    private static String call(BlueprintVersionDetails version) {
        if (version.delivery() instanceof Delivery.StackSet stackSet) {
            return (stackSet.toOrganizationalUnits() ? "UpdateStackSet " : "UpdateStackInstances ")
                    + stackSet.stackSetName();
        }
        return version.slug();
    }

    private static @Nullable String note(BlueprintVersionDetails version) {
        if (version.delivery() instanceof Delivery.StackSet stackSet) {
            return stackSet.toOrganizationalUnits()
                    ? "The StackSet's parameters change for every stack instance in %s (%s), %s at a time."
                            .formatted(
                                    String.join(", ", stackSet.organizationalUnits()),
                                    String.join(", ", stackSet.regions()),
                                    stackSet.maxConcurrentCount() != null
                                            ? stackSet.maxConcurrentCount() + " accounts"
                                            : stackSet.maxConcurrentPercentage() + " % of the accounts")
                    : "The environment's stack instances get these values as overrides.";
        }
        return null;
    }
}
