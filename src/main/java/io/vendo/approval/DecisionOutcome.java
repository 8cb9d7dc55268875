package io.vendo.approval;

public enum DecisionOutcome {
    APPROVE,
    REJECT
}
