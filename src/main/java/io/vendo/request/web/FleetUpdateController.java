package io.vendo.request.web;

import io.vendo.catalog.Catalog;
import io.vendo.catalog.InvalidParametersException;
import io.vendo.identity.Actor;
import io.vendo.request.BatchActionRefusedException;
import io.vendo.request.BatchRefusedException;
import io.vendo.request.BatchView;
import io.vendo.request.Requests;
import io.vendo.request.UpdateFleet;
import io.vendo.web.FormProblems;
import io.vendo.web.FormTokens;
import io.vendo.web.PageController;
import jakarta.validation.Valid;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Updating a fleet from its page: a blueprint version and/or new values for every environment its rows created. What
 * may not be asked (a fleet still rolling out, a version that does not exist, an unknown parameter, values a row's
 * form refuses, nothing to change) is shown on the form, and nothing is stored.
 */
@PageController
class FleetUpdateController {

    private final Requests requests;
    private final Catalog catalog;
    private final FormTokens formTokens;

    FleetUpdateController(Requests requests, Catalog catalog, FormTokens formTokens) {
        this.requests = requests;
        this.catalog = catalog;
        this.formTokens = formTokens;
    }

    @InitBinder("fleetUpdateForm")
    void binding(WebDataBinder binder) {
        binder.setAllowedFields(
                "version", "values[*]", "justification", "maxInFlight", "pauseAfterFailures", "formToken");
    }

    @GetMapping("/request-batches/{id}/update")
    String form(@PathVariable UUID id, Actor actor, Model model) {
        var form = new FleetUpdateForm();
        form.setFormToken(formTokens.issue());
        model.addAttribute("fleetUpdateForm", form);
        return show(requests.batch(id, actor), model, List.of(), List.of());
    }

    @PostMapping("/request-batches/{id}/updates")
    String update(
            @PathVariable UUID id,
            @Valid @ModelAttribute("fleetUpdateForm") FleetUpdateForm form,
            BindingResult binding,
            Actor actor,
            Model model,
            RedirectAttributes redirect) {
        var fleet = requests.batch(id, actor);
        var problems = new ArrayList<>(FormProblems.of(binding, "fleet-update-form"));
        if (!problems.isEmpty()) {
            return show(fleet, model, problems, List.of());
        }
        var update = new UpdateFleet(
                form.getVersion(),
                form.changedValues(),
                form.getJustification(),
                form.getMaxInFlight(),
                form.getPauseAfterFailures());
        try {
            var outcome = formTokens.once(actor.username(), form.getFormToken(), "", () -> {
                var batch = requests.updateFleet(id, update, actor);
                return new FormTokens.Outcome(
                        "/request-batches/" + batch.id(),
                        "Update filed: AWS computes a preview for each of its %d rows; one approval decides them all."
                                .formatted(batch.rows().size()));
            });
            redirect.addFlashAttribute("notice", outcome.notice());
            return "redirect:" + outcome.location();
        } catch (BatchRefusedException refused) {
            problems.add(new FormProblems.Problem(
                    "row-problems", refused.detail() + " Each row's problem is listed below."));
            return show(fleet, model, problems, refused.rowErrors());
        } catch (InvalidParametersException invalid) {
            invalid.errors()
                    .forEach((name, message) -> problems.add(new FormProblems.Problem("value-" + name, message)));
            return show(fleet, model, problems, List.of());
        } catch (BatchActionRefusedException refused) {
            problems.add(new FormProblems.Problem("version", refused.detail()));
            return show(fleet, model, problems, List.of());
        }
    }

    private String show(
            BatchView fleet,
            Model model,
            List<FormProblems.Problem> problems,
            List<BatchRefusedException.RowError> rowProblems) {
        var blueprint = catalog.blueprint(fleet.blueprintSlug());
        model.addAttribute("batch", fleet);
        model.addAttribute(
                "versions",
                IntStream.rangeClosed(1, blueprint.latestVersion())
                        .boxed()
                        .sorted(Comparator.reverseOrder())
                        .toList());
        model.addAttribute(
                "parameters", catalog.latestVersion(fleet.blueprintSlug()).parameters());
        model.addAttribute("problems", problems);
        model.addAttribute("rowProblems", rowProblems);
        return "request/fleet-update";
    }
}
