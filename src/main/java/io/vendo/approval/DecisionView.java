package io.vendo.approval;

import java.time.Instant;
import org.springframework.modulith.NamedInterface;

@NamedInterface("views")
public record DecisionView(
        String approver, DecisionOutcome outcome, String comment, DecisionChannel channel, Instant decidedAt) {}
