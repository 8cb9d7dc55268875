package io.vendo.approval;

import org.springframework.modulith.NamedInterface;

/** Where a decision was made, or attempted; recorded with it. */
@NamedInterface("events")
public enum DecisionChannel {
    WEB,
    API,
    EMAIL_LINK
}
