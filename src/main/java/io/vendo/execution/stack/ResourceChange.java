package io.vendo.execution.stack;

import org.jspecify.annotations.Nullable;

/**
 * One resource change of a CloudFormation change set, as approvers and requesters see it.
 *
 * @param action {@code Add}, {@code Modify}, {@code Remove}, {@code Import} or {@code Dynamic}
 * @param replacement for a modification: {@code True}, {@code False} or {@code Conditional}
 */
public record ResourceChange(
        String action,
        String logicalResourceId,
        String resourceType,
        @Nullable String physicalResourceId,
        @Nullable String replacement) {

    String summary() {
        var text = action + " " + logicalResourceId + " (" + resourceType + ")";
        return replacement != null && !replacement.isBlank() && !"False".equals(replacement)
                ? text + ", replacement: " + replacement
                : text;
    }
}
