package io.vendo.approval;

import java.time.Instant;

public record DecisionView(
        String approver, DecisionOutcome outcome, String comment, DecisionChannel channel, Instant decidedAt) {}
