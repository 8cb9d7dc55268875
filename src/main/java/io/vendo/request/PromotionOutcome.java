package io.vendo.request;

import org.springframework.modulith.NamedInterface;

/**
 * What became of a promotion's next step: filed as a request of its own, or refused with the reason (its target
 * changed since the promotion was submitted, or the team reached the blueprint's quota). A refusal is an answer, not
 * an exception, so that the filing transaction stays committable and records it.
 */
@NamedInterface(name = "promotion", propagate = false)
public sealed interface PromotionOutcome {

    record Filed(RequestView request) implements PromotionOutcome {}

    record Refused(String reason) implements PromotionOutcome {}
}
