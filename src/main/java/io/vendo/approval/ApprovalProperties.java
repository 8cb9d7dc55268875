package io.vendo.approval;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.Name;

/**
 * Settings under {@code vendo.approval}.
 *
 * @param demo whether to add the demo policies at start-up (the local run does)
 * @param linkValidity how long an approval link in an e-mail can be used
 * @param timing when pending approvals are reminded, escalated and expired
 */
@ConfigurationProperties("vendo.approval")
record ApprovalProperties(
        @DefaultValue("false") boolean demo,
        @DefaultValue("72h") Duration linkValidity,
        @Name("timing") @DefaultValue Timing timing) {

    /**
     * @param remindAfter after this long without a decision, the approvers are reminded once
     * @param escalateAfter after this long, the policy's fallback group may decide too and is invited
     * @param expireAfter after this long, the request expires
     */
    record Timing(
            @DefaultValue("24h") Duration remindAfter,
            @DefaultValue("48h") Duration escalateAfter,
            @DefaultValue("7d") Duration expireAfter) {}
}
