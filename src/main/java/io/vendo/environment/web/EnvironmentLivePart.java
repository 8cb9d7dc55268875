package io.vendo.environment.web;

import io.vendo.catalog.BlueprintKind;
import io.vendo.catalog.Catalog;
import io.vendo.digest.Sha256;
import io.vendo.environment.DriftCheckView;
import io.vendo.environment.DriftChecks;
import io.vendo.environment.EnvironmentView;
import io.vendo.environment.Environments;
import io.vendo.identity.Actor;
import io.vendo.web.AwsConsoleLinks;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What an environment's page shows that changes while it is open — its status, outputs, parameters and drift — read
 * once for the page and for its live fragment alike, the way a request's page keeps itself current: a version (the
 * fragment's ETag, so a look that finds nothing new costs a 304) and, while a drift check runs or a day-2 request is at
 * work, how often to look again (none at rest: the page then arms no timer).
 */
@Component
class EnvironmentLivePart {

    private final Environments environments;
    private final DriftChecks driftChecks;
    private final Catalog catalog;
    private final EnvironmentPageSettings settings;

    EnvironmentLivePart(
            Environments environments, DriftChecks driftChecks, Catalog catalog, EnvironmentPageSettings settings) {
        this.environments = environments;
        this.driftChecks = driftChecks;
        this.catalog = catalog;
        this.settings = settings;
    }

    /**
     * Puts the live part into the model.
     *
     * @return its version for this viewer
     * @throws io.vendo.environment.EnvironmentNotFoundException also when the viewer may not see it
     */
    String read(UUID id, Actor actor, Model model) {
        var environment = environments.get(id, actor);
        var region = catalog.target(environment.targetId()).region();
        var stack = environment.blueprintKind() == BlueprintKind.STACK;
        var latest = stack ? driftChecks.latest(id).orElse(null) : null;
        var verdict = stack ? driftChecks.verdict(id).orElse(null) : null;
        var mayCheckDrift = environment.driftCheckableBy(actor);
        model.addAttribute("environment", environment);
        model.addAttribute("consoleLinks", AwsConsoleLinks.of(environment.handles(), region));
        model.addAttribute("driftCheckable", stack);
        model.addAttribute("driftLatest", latest);
        model.addAttribute("driftVerdict", verdict);
        model.addAttribute("mayCheckDrift", mayCheckDrift);
        model.addAttribute("liveRefresh", refresh(environment, latest));
        var etag = String.join(
                "\n",
                actor.username(),
                environment.updatedAt().toString(),
                environment.status().name(),
                String.valueOf(environment.busyWith()),
                latest == null ? "-" : latest.id() + "@" + latest.state(),
                verdict == null ? "-" : verdict.id().toString(),
                String.valueOf(mayCheckDrift));
        var version = "W/\"" + Sha256.hex(etag).substring(0, 20) + "\"";
        model.addAttribute("liveEtag", version);
        return version;
    }

    /** {@code "min,max"} seconds while something is under way, or null at rest. */
    private @Nullable String refresh(EnvironmentView environment, @Nullable DriftCheckView latest) {
        var underWay = (latest != null && !latest.finished()) || environment.busyWith() != null;
        return underWay ? seconds(settings.refresh()) + "," + seconds(settings.refreshMax()) : null;
    }

    /** Seconds with up to three decimals (tests look in fractions of a second). */
    private static String seconds(Duration duration) {
        return BigDecimal.valueOf(duration.toMillis(), 3).stripTrailingZeros().toPlainString();
    }
}
