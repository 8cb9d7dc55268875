package io.vendo.approval;

import io.vendo.identity.Role;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code vendo.approval}: the policy every request gets until per-blueprint policies exist.
 *
 * @param requiredApprovals how many distinct approvers must approve
 * @param approverRole the role an approver needs
 */
@ConfigurationProperties("vendo.approval")
record ApprovalProperties(@DefaultValue("1") int requiredApprovals, @DefaultValue("APPROVER") Role approverRole) {}
