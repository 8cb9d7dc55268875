package io.vendo.execution;

import io.vendo.identity.Actor;
import io.vendo.request.Requests;
import io.vendo.web.PageController;
import java.util.UUID;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** Loaded into the request page while the request runs: its place in the admission queue, if it waits for one. */
@PageController
class QueuePageController {

    private final Requests requests;
    private final Admission admission;

    QueuePageController(Requests requests, Admission admission) {
        this.requests = requests;
        this.admission = admission;
    }

    @GetMapping("/requests/{id}/queue")
    String queue(@PathVariable UUID id, Actor actor, Model model) {
        // Only people who may see the request learn about its place.
        requests.get(id, actor);
        model.addAttribute("place", admission.place(id).orElse(null));
        return "execution/queue :: queue";
    }
}
