package io.vendo.request.web;

import io.vendo.catalog.Catalog;
import io.vendo.identity.Actor;
import io.vendo.request.BatchRefusedException;
import io.vendo.request.Requests;
import io.vendo.request.SubmitBatch;
import io.vendo.web.FormProblems;
import io.vendo.web.FormTokens;
import io.vendo.web.PageController;
import jakarta.validation.Valid;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A fleet from a CSV file, on the blueprint's request page: its first line names {@code target} and parameters, each
 * further line is a deployment. Every row is checked as a single request would be; one bad row stores nothing, and the
 * form shows every row's problems by line.
 */
@PageController
class FleetUploadController {

    private final Requests requests;
    private final Catalog catalog;
    private final FormTokens formTokens;

    FleetUploadController(Requests requests, Catalog catalog, FormTokens formTokens) {
        this.requests = requests;
        this.catalog = catalog;
        this.formTokens = formTokens;
    }

    @InitBinder("fleetForm")
    void binding(WebDataBinder binder) {
        binder.setAllowedFields("justification", "maxInFlight", "pauseAfterFailures", "formToken");
    }

    @GetMapping("/blueprints/{slug}/fleet")
    String form(@PathVariable String slug, Model model) {
        var form = new FleetForm();
        form.setFormToken(formTokens.issue());
        model.addAttribute("fleetForm", form);
        return show(slug, model, List.of(), List.of());
    }

    @PostMapping(path = "/blueprints/{slug}/fleet", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    String upload(
            @PathVariable String slug,
            @Valid @ModelAttribute("fleetForm") FleetForm form,
            BindingResult binding,
            @RequestParam(name = "csv", required = false) @Nullable MultipartFile csv,
            Actor actor,
            Model model,
            RedirectAttributes redirect) {
        var problems = new ArrayList<>(FormProblems.of(binding, "fleet-form"));
        var read = csv == null || csv.isEmpty()
                ? new CsvRows.Result(
                        List.of(), List.of("Choose a CSV file: its first line names target and parameters"))
                : CsvRows.read(text(csv));
        read.problems().forEach(problem -> problems.add(new FormProblems.Problem("csv", problem)));
        if (!problems.isEmpty()) {
            return show(slug, model, problems, List.of());
        }
        var submission = new SubmitBatch(
                slug,
                form.getJustification(),
                read.rows().stream()
                        .map(row -> new SubmitBatch.Row(row.target(), row.parameters()))
                        .toList(),
                form.getMaxInFlight(),
                form.getPauseAfterFailures());
        try {
            var outcome = formTokens.once(actor.username(), form.getFormToken(), "", () -> {
                var batch = requests.submitBatch(submission, actor);
                return new FormTokens.Outcome(
                        "/request-batches/" + batch.id(),
                        "Submitted: %d rows wait for one approval."
                                .formatted(batch.rows().size()));
            });
            redirect.addFlashAttribute("notice", outcome.notice());
            return "redirect:" + outcome.location();
        } catch (BatchRefusedException refused) {
            var rowProblems = refused.rowErrors().stream()
                    .map(error -> new RowProblem(
                            read.rows().get(error.index()).line(), error.index(), error.field(), error.message()))
                    .toList();
            problems.add(new FormProblems.Problem(
                    "row-problems",
                    "%s Fix the file and upload it again: each problem is listed by line below."
                            .formatted(refused.detail())));
            return show(slug, model, problems, rowProblems);
        }
    }

    /**
     * @param line the line of the CSV file, from 1 (the first line names the columns)
     * @param field {@code target} or {@code parameters.<Name>}
     */
    record RowProblem(int line, int index, String field, String message) {}

    private String show(String slug, Model model, List<FormProblems.Problem> problems, List<RowProblem> rowProblems) {
        var blueprint = catalog.latestVersion(slug);
        model.addAttribute("blueprint", blueprint);
        model.addAttribute("problems", problems);
        model.addAttribute("rowProblems", rowProblems);
        var header = new ArrayList<String>();
        header.add(CsvRows.TARGET);
        blueprint.parameters().forEach(parameter -> header.add(parameter.name()));
        model.addAttribute("header", String.join(",", header));
        return "request/fleet";
    }

    private static String text(MultipartFile csv) {
        try {
            return new String(csv.getBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("The uploaded CSV file could not be read", e);
        }
    }
}
