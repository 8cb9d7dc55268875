package io.vendo.request.web;

import io.vendo.identity.Actor;
import io.vendo.request.BatchView;
import io.vendo.request.Requests;
import io.vendo.web.PageController;
import java.util.UUID;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A fleet's page: its rollout and each row's progress, polled while it goes on; its requester resumes it there. */
@PageController
class BatchPagesController {

    private final Requests requests;

    BatchPagesController(Requests requests) {
        this.requests = requests;
    }

    @GetMapping("/request-batches/{id}")
    String page(@PathVariable UUID id, Actor actor, Model model) {
        show(requests.batch(id, actor), actor, model);
        return "request/batch";
    }

    @GetMapping("/request-batches/{id}/progress")
    String progress(@PathVariable UUID id, Actor actor, Model model) {
        show(requests.batch(id, actor), actor, model);
        return "request/batch :: progress";
    }

    @PostMapping("/request-batches/{id}/resume")
    String resume(@PathVariable UUID id, Actor actor, RedirectAttributes redirect) {
        requests.resumeBatch(id, actor);
        redirect.addFlashAttribute("notice", "Resumed: the rows that waited start now.");
        return "redirect:/request-batches/" + id;
    }

    private static void show(BatchView batch, Actor actor, Model model) {
        model.addAttribute("batch", batch);
        model.addAttribute(
                "mayResume",
                batch.status() == BatchView.Status.PAUSED && batch.requester().equals(actor.username()));
        model.addAttribute("mayUpdate", batch.updatable() && batch.requester().equals(actor.username()));
    }
}
