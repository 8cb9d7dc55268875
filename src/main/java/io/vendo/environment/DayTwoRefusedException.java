package io.vendo.environment;

import io.vendo.refusal.Refusal;
import io.vendo.request.RequestKind;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A day-2 request that may not be filed: nothing is stored. */
public class DayTwoRefusedException extends Refusal {

    private DayTwoRefusedException(Kind kind, String title, String detail, Map<String, ?> facts) {
        super(kind, title, detail, facts);
    }

    static DayTwoRefusedException notOwner(UUID environment, String owner) {
        return new DayTwoRefusedException(
                Kind.NOT_ALLOWED,
                "Not the owner",
                "Only the environment's owner (%s) or an admin may act on environment %s".formatted(owner, environment),
                Map.of("owner", owner));
    }

    static DayTwoRefusedException busy(UUID environment, UUID request) {
        return new DayTwoRefusedException(
                Kind.CONFLICT,
                "Environment busy",
                "Environment %s is busy with request %s: wait until it ends, or cancel it"
                        .formatted(environment, request),
                Map.of("busyWith", request.toString()));
    }

    static DayTwoRefusedException status(UUID environment, RequestKind kind, EnvironmentStatus status) {
        return new DayTwoRefusedException(
                Kind.CONFLICT,
                "Not possible now",
                "Environment %s is %s: it takes no %s request".formatted(environment, status, kind),
                Map.of("status", status.name()));
    }

    static DayTwoRefusedException noLease(UUID environment) {
        return new DayTwoRefusedException(
                Kind.CONFLICT,
                "No lease",
                "Environment %s has no lease: its blueprint sets no maximum lifetime".formatted(environment),
                Map.of());
    }

    static DayTwoRefusedException notLater(Instant current, Instant asked) {
        return new DayTwoRefusedException(
                Kind.INVALID,
                "Expiry not later",
                "The new expiry (%s) must be later than the current one (%s)".formatted(asked, current),
                Map.of("expiresAt", current.toString()));
    }

    static DayTwoRefusedException pastLifetime(Instant latest, Instant asked, String maxLifetime) {
        return new DayTwoRefusedException(
                Kind.INVALID,
                "Past the maximum lifetime",
                "The new expiry (%s) is past the blueprint's maximum lifetime (%s from now): %s at the latest"
                        .formatted(asked, maxLifetime, latest),
                Map.of("latest", latest.toString()));
    }

    /** Vendo never guesses how an account is retired: the blueprint version must say it. */
    static DayTwoRefusedException retirementUnset(UUID environment, String blueprint, int version) {
        return new DayTwoRefusedException(
                Kind.CONFLICT,
                "Retirement not configured",
                ("Environment %s is an AWS account, and blueprint %s v%d says nothing about how its accounts are retired:"
                                + " Vendo neither closes nor moves it. An admin closes it in AWS Organizations, or gives"
                                + " the blueprint's delivery decommission: CLOSE_ACCOUNT or MOVE_TO_SUSPENDED_OU (with"
                                + " suspendedOrganizationalUnit) for the accounts of its next versions")
                        .formatted(environment, blueprint, version),
                Map.of("blueprint", blueprint, "version", version));
    }

    static DayTwoRefusedException notUpdatable(UUID environment, io.vendo.catalog.BlueprintKind kind) {
        return new DayTwoRefusedException(
                Kind.CONFLICT,
                "Not supported yet",
                "Environment %s is a %s: Vendo does not update these yet".formatted(environment, kind),
                Map.of("kind", kind.name()));
    }

    static DayTwoRefusedException noSuchVersion(String blueprint, int asked, int current, int latest) {
        return new DayTwoRefusedException(
                Kind.INVALID,
                "No such version",
                "Blueprint %s has no version %d to update to: choose one from %d (the environment's own) to %d"
                        .formatted(blueprint, asked, current, latest),
                Map.of("current", current, "latest", latest));
    }

    static DayTwoRefusedException retired(String blueprint) {
        return new DayTwoRefusedException(
                Kind.CONFLICT,
                "Blueprint retired",
                "Blueprint %s is retired: environments cannot be updated to it".formatted(blueprint),
                Map.of());
    }
}
