package io.vendo.approval.web;

import io.vendo.approval.Approvals;
import io.vendo.identity.Actor;
import io.vendo.identity.Role;
import io.vendo.web.PageController;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Puts into every page's model how many requests wait for the viewer's decision ({@code waitingApprovals}), so the
 * layout's "Approvals" link carries a count; nothing for those who cannot approve or are not logged in.
 */
@ControllerAdvice(annotations = PageController.class)
class WaitingApprovalsBadge {

    private final ObjectProvider<Approvals> approvalsIfPresent;

    // A provider: web slices of other controllers (@WebMvcTest) take in this advice without the approval module.
    WaitingApprovalsBadge(ObjectProvider<Approvals> lists) {
        this.approvalsIfPresent = lists;
    }

    @ModelAttribute("waitingApprovals")
    @Nullable
    Integer waitingApprovals(HttpServletRequest request) {
        // A page's live fragment (fetched again and again) has no header to show the count in.
        if (request.getHeader("HX-Request") != null) {
            return null;
        }
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null
                || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return null;
        }
        var actor = Actor.of(authentication);
        var approvals = approvalsIfPresent.getIfAvailable();
        if (approvals == null || (!actor.has(Role.APPROVER) && !actor.has(Role.ADMIN))) {
            return null;
        }
        return approvals.waitingFor(actor);
    }
}
