package io.vendo.request.web;

import io.vendo.identity.Actor;
import io.vendo.request.RequestSearch;
import io.vendo.request.RequestState;
import io.vendo.request.Requests;
import io.vendo.web.FormProblems;
import io.vendo.web.PageController;
import jakarta.validation.Valid;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
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

    static final int PAGE_SIZE = 25;

    private final Requests requests;
    private final RequestPages pages;

    RequestPagesController(Requests requests, RequestPages pages) {
        this.requests = requests;
        this.pages = pages;
    }

    @InitBinder("filters")
    void filterBinding(WebDataBinder binder) {
        binder.setAllowedFields("state", "q", "mine", "cursor");
    }

    /**
     * The requests the viewer may see, newest first, {@value #PAGE_SIZE} a page; filtered by state, by words (in the
     * blueprint, the target, the requester, the justification) and to the viewer's own. Filters that cannot be read
     * are said above the form and left out, so the page still lists something.
     */
    @GetMapping("/requests")
    String list(
            @Valid @ModelAttribute("filters") RequestListForm filters,
            BindingResult binding,
            Actor actor,
            Model model) {
        var problems = new java.util.ArrayList<FormProblems.Problem>();
        if (binding.hasFieldErrors("state")) {
            problems.add(new FormProblems.Problem("state", "Choose a state from the list"));
            filters.setState(null);
        }
        if (binding.hasFieldErrors("q")) {
            problems.add(new FormProblems.Problem("q", "Search for at most 200 characters"));
            filters.setQ("");
        }
        RequestSearch.Position after = null;
        if (filters.getCursor() != null) {
            after = RequestListCursor.decode(filters.getCursor()).orElse(null);
            if (after == null) {
                problems.add(new FormProblems.Problem(
                        "request-list", "That page link is not one this list made: showing the newest requests"));
                filters.setCursor(null);
            }
        }
        var result = requests.search(
                new RequestSearch(
                        filters.getState() == null ? Set.of() : Set.of(filters.getState()),
                        null,
                        null,
                        filters.isMine() ? actor.username() : null,
                        null,
                        null,
                        after,
                        PAGE_SIZE,
                        filters.getQ()),
                actor);
        model.addAttribute("requests", result.requests());
        model.addAttribute("states", RequestState.values());
        model.addAttribute("problems", problems);
        model.addAttribute(
                "older",
                result.hasMore() ? RequestListCursor.after(result.requests().getLast()) : null);
        model.addAttribute("paged", after != null);
        return "request/list";
    }

    @GetMapping("/requests/{id}")
    String detail(@PathVariable UUID id, Actor actor, Model model) {
        show(pages.read(id, actor), model);
        return "request/detail";
    }

    /** The live fragment of the page; 304 (no view: the response is complete) when it would show exactly what the page already shows. */
    @GetMapping("/requests/{id}/live")
    @Nullable
    String live(@PathVariable UUID id, Actor actor, WebRequest web, Model model) {
        var page = pages.read(id, actor);
        if (web.checkNotModified(page.etag())) {
            return null;
        }
        show(page, model);
        return "request/detail :: live";
    }

    /** A failed composite request continues from its failed component. */
    @PostMapping("/requests/{id}/retry")
    String retry(@PathVariable UUID id, Actor actor, RedirectAttributes redirect) {
        requests.retry(id, actor);
        redirect.addFlashAttribute("notice", "Retrying from the failed component.");
        return "redirect:/requests/" + id;
    }

    /** A failed composite request is abandoned: the stacks it left are deleted in reverse order. */
    @PostMapping("/requests/{id}/abandon")
    String abandon(@PathVariable UUID id, Actor actor, RedirectAttributes redirect) {
        requests.abandon(id, actor);
        redirect.addFlashAttribute(
                "notice", "Abandoned: the stacks it left are deleted, in reverse order; it ends ABANDONED.");
        return "redirect:/requests/" + id;
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
