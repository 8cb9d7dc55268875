package io.vendo.environment.web;

import io.vendo.audit.AuditTrail;
import io.vendo.catalog.Catalog;
import io.vendo.catalog.EnvironmentTier;
import io.vendo.environment.DayTwoRefusedException;
import io.vendo.environment.DriftCheckRefusedException;
import io.vendo.environment.DriftChecks;
import io.vendo.environment.EnvironmentSearch;
import io.vendo.environment.EnvironmentStatus;
import io.vendo.environment.Environments;
import io.vendo.identity.Actor;
import io.vendo.identity.Role;
import io.vendo.web.PageController;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The environments list and an environment's page, with its actions: extend the lease, decommission, check drift;
 * admins pause its expiry.
 */
@PageController
class EnvironmentPagesController {

    private static final int PAGE = 200;

    private final Environments environments;
    private final EnvironmentLivePart livePart;
    private final DriftChecks driftChecks;
    private final Catalog catalog;
    private final AuditTrail auditTrail;
    private final Clock clock;

    EnvironmentPagesController(
            Environments environments,
            EnvironmentLivePart livePart,
            DriftChecks driftChecks,
            Catalog catalog,
            AuditTrail auditTrail,
            Clock clock) {
        this.environments = environments;
        this.livePart = livePart;
        this.driftChecks = driftChecks;
        this.catalog = catalog;
        this.auditTrail = auditTrail;
        this.clock = clock;
    }

    @GetMapping("/environments")
    String list(
            Actor actor,
            Model model,
            @RequestParam(defaultValue = "false") boolean mine,
            @RequestParam(required = false) @Nullable String blueprint,
            @RequestParam(required = false) @Nullable String target,
            @RequestParam(required = false) @Nullable EnvironmentTier tier,
            @RequestParam(required = false) @Nullable EnvironmentStatus status,
            @RequestParam(required = false) @Nullable Integer expiringWithinDays) {
        if (expiringWithinDays != null && (expiringWithinDays < 1 || expiringWithinDays > 3650)) {
            expiringWithinDays = null;
        }
        var filter = new EnvironmentSearch(
                mine,
                blankToNull(blueprint),
                blankToNull(target),
                tier,
                status == null ? Set.of() : Set.of(status),
                expiringWithinDays == null ? null : clock.instant().plus(expiringWithinDays, ChronoUnit.DAYS),
                null,
                PAGE);
        model.addAttribute("filter", filter);
        model.addAttribute("expiringWithinDays", expiringWithinDays);
        model.addAttribute("tiers", EnvironmentTier.values());
        model.addAttribute("statuses", EnvironmentStatus.values());
        model.addAttribute("environments", environments.search(filter, actor).environments());
        return "environment/list";
    }

    @GetMapping("/environments/{id}")
    String detail(@PathVariable UUID id, Actor actor, Model model) {
        livePart.read(id, actor, model);
        var environment = environments.get(id, actor);
        var blueprint = catalog.blueprint(environment.blueprintSlug());
        var lifetime = blueprint.metadata().maxLifetime();
        var today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        model.addAttribute("timeline", auditTrail.timeline(id.toString()));
        model.addAttribute("isAdmin", actor.has(Role.ADMIN));
        model.addAttribute("mayAct", environment.decommissionableBy(actor));
        model.addAttribute("mayUpdate", environment.updatableBy(actor) && !blueprint.retired());
        model.addAttribute("maxLifetime", lifetime == null ? "no limit" : lifetime.toString());
        model.addAttribute(
                "latestExpiry",
                lifetime == null
                        ? "no limit"
                        : LocalDate.ofInstant(clock.instant().plus(lifetime), ZoneOffset.UTC)
                                .toString());
        // A month more, within the maximum lifetime.
        var current = environment.expiresAt();
        var suggested = (current == null ? today : LocalDate.ofInstant(current, ZoneOffset.UTC)).plusDays(30);
        if (lifetime != null) {
            var latest = LocalDate.ofInstant(clock.instant().plus(lifetime), ZoneOffset.UTC);
            suggested = suggested.isAfter(latest) ? latest : suggested;
        }
        model.addAttribute("suggestedExpiry", suggested.toString());
        return "environment/detail";
    }

    /**
     * The part of the page that changes while it is open (status, outputs, parameters, drift); 304 (no view: the
     * response is complete) when it would show exactly what the page already shows.
     */
    @GetMapping("/environments/{id}/live")
    @Nullable
    String live(@PathVariable UUID id, Actor actor, WebRequest web, Model model) {
        if (web.checkNotModified(livePart.read(id, actor, model))) {
            return null;
        }
        return "environment/detail :: live";
    }

    /** A refusal (not the owner, busy, past the maximum lifetime, …) is shown on the page; nothing is stored. */
    @PostMapping("/environments/{id}/extensions")
    String extend(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String expiresOn,
            @RequestParam(defaultValue = "") String justification,
            Actor actor,
            RedirectAttributes redirect) {
        LocalDate date;
        try {
            date = LocalDate.parse(expiresOn.strip());
        } catch (DateTimeParseException e) {
            redirect.addFlashAttribute("actionError", "Give the new expiry as a date (YYYY-MM-DD)");
            return "redirect:/environments/" + id + "#extend";
        }
        if (justification.isBlank() || justification.length() > 1000) {
            redirect.addFlashAttribute(
                    "actionError", "Say why the environment is needed for longer (at most 1000 characters)");
            return "redirect:/environments/" + id + "#extend";
        }
        try {
            var request =
                    environments.extend(id, date.atStartOfDay(ZoneOffset.UTC).toInstant(), justification, actor);
            redirect.addFlashAttribute("notice", "Extension requested.");
            return "redirect:/requests/" + request.id();
        } catch (DayTwoRefusedException refused) {
            redirect.addFlashAttribute("actionError", refused.detail());
            return "redirect:/environments/" + id + "#extend";
        }
    }

    /** A refusal (not the owner, busy, decommissioned already) is shown on the page; nothing is stored. */
    @PostMapping("/environments/{id}/decommissions")
    String decommission(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String justification,
            Actor actor,
            RedirectAttributes redirect) {
        if (justification.isBlank() || justification.length() > 1000) {
            redirect.addFlashAttribute(
                    "actionError", "Say why the environment is no longer needed (at most 1000 characters)");
            return "redirect:/environments/" + id + "#decommission";
        }
        try {
            var request = environments.decommission(id, justification, actor);
            redirect.addFlashAttribute("notice", "Decommissioning requested.");
            return "redirect:/requests/" + request.id();
        } catch (DayTwoRefusedException refused) {
            redirect.addFlashAttribute("actionError", refused.detail());
            return "redirect:/environments/" + id + "#decommission";
        }
    }

    /** Starts a drift check (or shows the one running); a refusal (not a stack, busy, …) is shown on the page. */
    @PostMapping("/environments/{id}/drift-checks")
    String checkDrift(@PathVariable UUID id, Actor actor, RedirectAttributes redirect) {
        try {
            driftChecks.request(id, actor);
            redirect.addFlashAttribute("notice", "Drift check started.");
        } catch (DayTwoRefusedException | DriftCheckRefusedException refused) {
            redirect.addFlashAttribute("actionError", refused.detail());
        }
        return "redirect:/environments/" + id + "#drift";
    }

    @PostMapping("/environments/{id}/expiry")
    String pauseExpiry(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "true") boolean paused,
            Actor actor,
            RedirectAttributes redirect) {
        environments.pauseExpiry(id, paused, actor);
        redirect.addFlashAttribute("notice", paused ? "Expiry paused." : "Expiry resumed.");
        return "redirect:/environments/" + id;
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
