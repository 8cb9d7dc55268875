package io.vendo.request.web;

import io.vendo.catalog.Catalog;
import io.vendo.catalog.ParameterDefinition;
import io.vendo.catalog.TargetDetails;
import io.vendo.identity.Actor;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The review before a request is submitted: where it goes, its tier, who must approve, what will be created, how long
 * it may live, the values; for a promotion, each further step's target and who must approve it there.
 */
@Component
class RequestReview {

    private final Catalog catalog;
    private final ApprovalForecast approvals;

    RequestReview(Catalog catalog, ApprovalForecast approvals) {
        this.catalog = catalog;
        this.approvals = approvals;
    }

    /** @return the review page's view, with the model filled in */
    String show(Model model, RequestForm form, Actor actor) {
        var blueprint = form.blueprint();
        var target = form.chosenTarget().orElseThrow();
        var metadata = catalog.blueprint(blueprint.slug()).metadata();
        model.addAttribute("blueprint", blueprint);
        model.addAttribute("target", target);
        model.addAttribute("form", form);
        model.addAttribute(
                "approvers", approvals.whoMustApprove(blueprint.slug(), target.environment(), actor.primaryTeam()));
        model.addAttribute(
                "promotion",
                form.promotion().stream()
                        .map(slug -> catalog.target(slug))
                        .map(step -> new PromotedStep(
                                step,
                                approvals.whoMustApprove(blueprint.slug(), step.environment(), actor.primaryTeam())))
                        .toList());
        model.addAttribute("resources", catalog.resources(blueprint.versionId()));
        model.addAttribute("lifetime", lifetime(metadata.maxLifetime()));
        model.addAttribute("quota", metadata.quotaPerTeam());
        model.addAttribute(
                "shown",
                blueprint.parameters().stream()
                        .map(parameter -> new ReviewedValue(parameter, form.raw(parameter)))
                        .toList());
        return "request/review";
    }

    private static String lifetime(@Nullable Duration maxLifetime) {
        if (maxLifetime == null) {
            return "No limit: it stays until it is decommissioned";
        }
        var days = maxLifetime.toDays();
        return days >= 1
                ? "At most %d day%s, then it expires".formatted(days, days == 1 ? "" : "s")
                : "At most %d hours, then it expires".formatted(maxLifetime.toHours());
    }

    /** A further step of a promotion: its target and who must approve it there. */
    record PromotedStep(TargetDetails target, String approvers) {}

    /** A parameter as the review shows it: secrets never, only whether one was entered. */
    record ReviewedValue(ParameterDefinition parameter, String value) {

        public String shown() {
            if (parameter.noEcho()) {
                return value.isEmpty() ? "(the template's default, not shown)" : "(entered, not shown)";
            }
            return value.isEmpty() ? "(the template's default: %s)".formatted(parameter.defaultValue()) : value;
        }
    }
}
