package io.vendo.approval;

/** Where a decision was made, or attempted; recorded with it. */
public enum DecisionChannel {
    WEB,
    API,
    EMAIL_LINK
}
