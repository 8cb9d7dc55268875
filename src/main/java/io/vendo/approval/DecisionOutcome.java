package io.vendo.approval;

import org.springframework.modulith.NamedInterface;

@NamedInterface("events")
public enum DecisionOutcome {
    APPROVE,
    REJECT
}
