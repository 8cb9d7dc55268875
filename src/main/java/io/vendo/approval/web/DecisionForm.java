package io.vendo.approval.web;

import io.vendo.approval.DecisionOutcome;
import org.jspecify.annotations.Nullable;

/**
 * What a decision form posts: approve or reject, a comment (needed to reject), the approval's round the page showed
 * (its preview is what the approver decides on), and the form's one-time token.
 */
public class DecisionForm {

    private @Nullable DecisionOutcome decision;
    private @Nullable Integer round;
    private String comment = "";
    private String formToken = "";

    public @Nullable DecisionOutcome getDecision() {
        return decision;
    }

    public void setDecision(@Nullable DecisionOutcome decision) {
        this.decision = decision;
    }

    /** The decision taken; only for a form {@link DecisionFormValidator} accepted. */
    DecisionOutcome outcome() {
        if (decision == null) {
            throw new IllegalStateException("a decision form without a decision passed validation");
        }
        return decision;
    }

    public @Nullable Integer getRound() {
        return round;
    }

    public void setRound(@Nullable Integer round) {
        this.round = round;
    }

    public String getComment() {
        return comment;
    }

    public void setComment(@Nullable String comment) {
        this.comment = comment == null ? "" : comment;
    }

    public String getFormToken() {
        return formToken;
    }

    public void setFormToken(@Nullable String formToken) {
        this.formToken = formToken == null ? "" : formToken;
    }
}
