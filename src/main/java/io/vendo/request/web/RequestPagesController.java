package io.vendo.request.web;

import io.vendo.identity.Actor;
import io.vendo.request.Requests;
import io.vendo.web.PageController;
import java.util.UUID;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The requester's list of requests and a request's page. Everything on the page that can change is one fragment,
 * rendered from one {@link RequestPage}; the page fetches it again when told that the request changed (server-sent
 * events, {@link RequestStreamController}) and now and then on its own, conditionally: an unchanged fragment costs a
 * 304.
 */
@PageController
class RequestPagesController {

    private final Requests requests;
    private final RequestPages pages;

    RequestPagesController(Requests requests, RequestPages pages) {
        this.requests = requests;
        this.pages = pages;
    }

    @GetMapping("/requests")
    String list(Actor actor, Model model) {
        model.addAttribute("requests", requests.visibleTo(actor));
        return "request/list";
    }

    @GetMapping("/requests/{id}")
    String detail(@PathVariable UUID id, Actor actor, Model model) {
        show(pages.read(id, actor), model);
        return "request/detail";
    }

    /** The live fragment of the page; 304 when it would show exactly what the page already shows. */
    @GetMapping("/requests/{id}/live")
    String live(@PathVariable UUID id, Actor actor, WebRequest web, Model model) {
        var page = pages.read(id, actor);
        if (web.checkNotModified(page.etag())) {
            return null;
        }
        show(page, model);
        return "request/detail :: live";
    }

    @PostMapping("/requests/{id}/cancel")
    String cancel(@PathVariable UUID id, Actor actor, RedirectAttributes redirect) {
        requests.cancel(id, actor);
        redirect.addFlashAttribute("notice", "Request cancelled.");
        return "redirect:/requests/" + id;
    }

    private static void show(RequestPage page, Model model) {
        model.addAttribute("page", page);
        model.addAttribute("request", page.request());
        model.addAttribute("timeline", page.timeline());
    }
}
