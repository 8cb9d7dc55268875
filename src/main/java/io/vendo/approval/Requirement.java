package io.vendo.approval;

import org.springframework.modulith.NamedInterface;

/**
 * One part of a policy: {@code approvals} distinct people from {@code group} must approve ({@code *}: any approver).
 */
@NamedInterface("views")
public record Requirement(String group, int approvals) {

    public Requirement {
        if (group == null || group.isBlank()) {
            throw new IllegalArgumentException("A requirement names a group");
        }
        if (approvals < 1) {
            throw new IllegalArgumentException("A requirement needs at least one approval");
        }
    }

    @Override
    public String toString() {
        return approvals + " from " + (group.equals("*") ? "any approver" : group);
    }
}
