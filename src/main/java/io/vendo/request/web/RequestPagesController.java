package io.vendo.request.web;

import io.vendo.audit.AuditTrail;
import io.vendo.identity.Actor;
import io.vendo.request.Requests;
import io.vendo.web.PageController;
import java.util.UUID;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The requester's list of requests and a request's page, whose status part refreshes itself while it runs. */
@PageController
class RequestPagesController {

    private final Requests requests;
    private final AuditTrail auditTrail;

    RequestPagesController(Requests requests, AuditTrail auditTrail) {
        this.requests = requests;
        this.auditTrail = auditTrail;
    }

    @GetMapping("/requests")
    String list(Actor actor, Model model) {
        model.addAttribute("requests", requests.visibleTo(actor));
        return "request/list";
    }

    @GetMapping("/requests/{id}")
    String detail(@PathVariable UUID id, Actor actor, Model model) {
        status(id, actor, model);
        return "request/detail";
    }

    @PostMapping("/requests/{id}/cancel")
    String cancel(@PathVariable UUID id, Actor actor, RedirectAttributes redirect) {
        requests.cancel(id, actor);
        redirect.addFlashAttribute("notice", "Request cancelled.");
        return "redirect:/requests/" + id;
    }

    /** The part of the request page that htmx polls until the request reaches a terminal state. */
    @GetMapping("/requests/{id}/status")
    String status(@PathVariable UUID id, Actor actor, Model model) {
        model.addAttribute("request", requests.get(id, actor));
        model.addAttribute("timeline", auditTrail.timeline(id.toString()));
        return "request/detail :: status";
    }
}
