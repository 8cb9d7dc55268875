package io.vendo.approval;

/** Where a decision was made; recorded with it. */
public enum DecisionChannel {
    WEB,
    API
}
