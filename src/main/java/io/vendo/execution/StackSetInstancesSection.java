package io.vendo.execution;

import io.vendo.catalog.BlueprintKind;
import io.vendo.catalog.Catalog;
import io.vendo.digest.Sha256;
import io.vendo.execution.stackset.StackSetProvisioner;
import io.vendo.execution.stackset.StackSetProvisioner.InstanceStatus;
import io.vendo.execution.stackset.StackSetSpec;
import io.vendo.identity.Actor;
import io.vendo.request.RequestState;
import io.vendo.request.RequestView;
import io.vendo.request.web.RequestPageSection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A STACK_SET request's stack instances on its page, one row per account and region (ListStackInstances: status,
 * status reason, drift status), read again as the page refreshes its other live parts. Every viewer of every replica
 * refreshes, so one answer serves a request's page for {@link #FRESH} and AWS is asked at most that often per
 * request and replica. Not shown in a dry run (nothing exists) nor before the request's operation started.
 */
@Component
class StackSetInstancesSection implements RequestPageSection {

    private static final Logger log = LoggerFactory.getLogger(StackSetInstancesSection.class);
    static final Duration FRESH = Duration.ofSeconds(10);

    private final Catalog catalog;
    private final Jobs jobs;
    private final Executions executions;
    private final StackSetProvisioner provisioner;
    private final AwsAvailability aws;
    private final Clock clock;
    private final Map<UUID, Listing> listings = new ConcurrentHashMap<>();

    StackSetInstancesSection(
            Catalog catalog,
            Jobs jobs,
            Executions executions,
            StackSetProvisioner provisioner,
            AwsAvailability aws,
            Clock clock) {
        this.catalog = catalog;
        this.jobs = jobs;
        this.executions = executions;
        this.provisioner = provisioner;
        this.aws = aws;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 18;
    }

    @Override
    public Optional<Part> read(RequestView request, Actor viewer) {
        if (!aws.live()
                || request.dryRunPlan() != null
                || !started(request)
                || catalog.version(request.blueprintVersionId()).kind() != BlueprintKind.STACK_SET
                || executions.of(request.id(), viewer).isEmpty()) {
            return Optional.empty();
        }
        var spec = StackSetSpec.of(jobs.of(request, false), "list-stack-instances");
        var now = clock.instant();
        // Only answers still fresh are kept: a request nobody looks at costs no memory.
        listings.values().removeIf(known -> !known.freshAt(now));
        var listing =
                listings.compute(request.id(), (id, known) -> known != null && known.freshAt(now) ? known : list(spec));
        var version = Sha256.hex(listing.error() + "\n"
                + listing.instances().stream().map(InstanceStatus::toString).collect(Collectors.joining("\n")));
        return Optional.of(new Part(
                "execution/stackset-instances :: instances",
                Map.of(
                        "instances",
                        listing.instances(),
                        "error",
                        listing.error() == null ? "" : listing.error(),
                        "where",
                        spec.where() + " in " + String.join(", ", spec.regions()),
                        "stackSet",
                        spec.stackSetName(),
                        "listedAt",
                        listing.at()),
                version));
    }

    private Listing list(StackSetSpec spec) {
        try {
            return new Listing(provisioner.instances(spec), null, clock.instant());
        } catch (ProvisioningException e) {
            // The page shows why; the request's own execution is not affected.
            log.warn("ListStackInstances of {} failed: {}", spec.stackSetName(), e.getMessage());
            return new Listing(List.of(), e.getMessage(), clock.instant());
        }
    }

    private static boolean started(RequestView request) {
        return request.state() == RequestState.IN_PROGRESS
                || request.state() == RequestState.SUCCEEDED
                || request.state() == RequestState.FAILED;
    }

    private record Listing(List<InstanceStatus> instances, @Nullable String error, Instant at) {

        boolean freshAt(Instant now) {
            return at.plus(FRESH).isAfter(now);
        }
    }
}
