package io.vendo.request;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;

/**
 * What an UPDATE request will change, computed by AWS before anyone decides: for a stack, the resource changes of the
 * change set that is executed once the request is approved (nothing else is). Shown to approvers on the confirmation
 * page behind their mail's link, in the inbox, on the request page and in the mail itself.
 *
 * @param name the change set (or plan) whose changes these are; a recreated one has a new name
 * @param round how many times it was computed for this request: after the first, an earlier one went stale
 * @param note why this preview replaces an earlier one, or that it is a dry run's; none for a first, live preview
 * @param parameters the parameter values that change, old → new, for the updates AWS computes no change set for
 *     (StackSets, Service Catalog products): there it is what approvers decide on
 */
@NamedInterface("views")
public record ChangePreview(
        String name,
        int round,
        List<Change> changes,
        @Nullable String note,
        Instant preparedAt,
        List<ParameterChange> parameters) {

    public ChangePreview {
        changes = List.copyOf(changes);
        parameters = parameters == null ? List.of() : List.copyOf(parameters);
    }

    /** A change set's resource changes. */
    public ChangePreview(String name, int round, List<Change> changes, @Nullable String note, Instant preparedAt) {
        this(name, round, changes, note, preparedAt, List.of());
    }

    /** Whether it lists parameter values rather than a change set's resource changes. */
    public boolean ofParameters() {
        return !parameters.isEmpty();
    }

    /**
     * One parameter's value before and after, as shown ({@code ****} for NoEcho values).
     *
     * @param before none: the environment did not have the parameter
     */
    public record ParameterChange(String name, @Nullable String before, String after) {}

    /**
     * One resource's change.
     *
     * @param action {@code Add}, {@code Modify}, {@code Remove}, {@code Import} or {@code Dynamic}
     * @param replacement for a modification: {@code True}, {@code Conditional} or {@code False}; none otherwise
     * @param details what changes, where AWS says: e.g. {@code Properties.BucketName (requires recreation: Always)}
     */
    public record Change(
            String action,
            String logicalId,
            String resourceType,
            @Nullable String physicalId,
            @Nullable String replacement,
            List<String> details) {

        public Change {
            details = details == null ? List.of() : List.copyOf(details);
        }

        /** Whether the resource is, or may be, replaced: a new physical resource, the old one deleted. */
        public boolean replaces() {
            return "True".equals(replacement) || "Conditional".equals(replacement);
        }

        public String summary() {
            var text = action + " " + logicalId + " (" + resourceType + ")";
            return replaces() ? text + ", replacement: " + replacement : text;
        }
    }

    /**
     * E.g. {@code 1 to add, 2 to modify (1 replaced), 0 to remove}, or {@code no resource changes}; for parameters
     * {@code MinimumPasswordLength 14 → 16}.
     */
    public String summary() {
        if (ofParameters()) {
            return parameters.stream()
                    .map(change -> change.name() + " " + (change.before() == null ? "(not set)" : change.before())
                            + " → " + change.after())
                    .collect(java.util.stream.Collectors.joining(", "));
        }
        if (changes.isEmpty()) {
            return "no resource changes";
        }
        var add = count("Add");
        var modify = count("Modify");
        var remove = count("Remove");
        var replaced = changes.stream().filter(Change::replaces).count();
        var text = "%d to add, %d to modify, %d to remove".formatted(add, modify, remove);
        var other = changes.size() - add - modify - remove;
        if (other > 0) {
            text += ", %d other".formatted(other);
        }
        return replaced > 0 ? text + " (%d replaced or possibly replaced)".formatted(replaced) : text;
    }

    private long count(String action) {
        return changes.stream().filter(change -> action.equals(change.action())).count();
    }
}
