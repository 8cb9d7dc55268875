package io.vendo.execution.stack;

import io.vendo.request.ChangePreview;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One resource change of a CloudFormation change set, as approvers and requesters see it.
 *
 * @param action {@code Add}, {@code Modify}, {@code Remove}, {@code Import} or {@code Dynamic}
 * @param replacement for a modification: {@code True}, {@code False} or {@code Conditional}
 * @param details what changes, where AWS says (the attribute or property, whether it requires recreation, what
 *     causes it), e.g. {@code Properties.BucketName (requires recreation: Always)}; never values
 */
public record ResourceChange(
        String action,
        String logicalResourceId,
        String resourceType,
        @Nullable String physicalResourceId,
        @Nullable String replacement,
        List<String> details) {

    public ResourceChange {
        // Changes stored before details were kept have none.
        details = details == null ? List.of() : List.copyOf(details);
    }

    /** A change without details. */
    public ResourceChange(
            String action,
            String logicalResourceId,
            String resourceType,
            @Nullable String physicalResourceId,
            @Nullable String replacement) {
        this(action, logicalResourceId, resourceType, physicalResourceId, replacement, List.of());
    }

    /** As the request shows it to approvers. */
    public ChangePreview.Change toPreview() {
        return new ChangePreview.Change(
                action, logicalResourceId, resourceType, physicalResourceId, replacement, details());
    }

    String summary() {
        var text = action + " " + logicalResourceId + " (" + resourceType + ")";
        return replacement != null && !replacement.isBlank() && !"False".equals(replacement)
                ? text + ", replacement: " + replacement
                : text;
    }
}
