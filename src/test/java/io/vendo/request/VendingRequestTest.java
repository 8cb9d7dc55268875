package io.vendo.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vendo.catalog.BlueprintKind;
import io.vendo.catalog.BlueprintVersionDetails;
import io.vendo.catalog.EnvironmentTier;
import io.vendo.catalog.TargetDetails;
import io.vendo.identity.Actor;
import io.vendo.identity.Role;
import io.vendo.request.RequestEvent.RequestApproved;
import io.vendo.request.RequestEvent.RequestFailed;
import io.vendo.request.RequestEvent.RequestStarted;
import io.vendo.request.RequestEvent.RequestSubmitted;
import io.vendo.request.RequestEvent.RequestSucceeded;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class VendingRequestTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    static VendingRequest submitted() {
        var blueprint = new BlueprintVersionDetails(
                UUID.randomUUID(),
                UUID.randomUUID(),
                "site",
                "Site",
                "A site",
                BlueprintKind.STACK,
                3,
                "Resources: {}",
                List.of(),
                List.of(),
                List.of());
        var target = new TargetDetails(
                UUID.randomUUID(),
                "sandbox",
                "Sandbox",
                "111122223333",
                "eu-west-1",
                EnvironmentTier.SANDBOX,
                null,
                null);
        var requester = new Actor("alice", Set.of(Role.REQUESTER), Set.of("web"));
        return VendingRequest.submit(
                new NewRequest(UUID.randomUUID(), blueprint, target, Map.of("A", "1"), Map.of(), "need it", requester),
                NOW);
    }

    @Test
    void submissionWaitsForApprovalAndAnnouncesItself() {
        var request = submitted();

        assertThat(request.toView().state()).isEqualTo(RequestState.PENDING_APPROVAL);
        assertThat(request.toView().team()).isEqualTo("web");
        assertThat(request.pendingEvents()).singleElement().isInstanceOfSatisfying(RequestSubmitted.class, event -> {
            assertThat(event.actor()).isEqualTo("alice");
            assertThat(event.blueprint()).isEqualTo("site");
            assertThat(event.blueprintVersion()).isEqualTo(3);
            assertThat(event.target()).isEqualTo("sandbox");
        });
    }

    @Test
    void walksTheHappyPathWithAnEventPerTransition() {
        var request = submitted();

        request.approve("bob", NOW);
        request.start("CreateStack x", NOW);
        request.succeed(Map.of("Url", "https://example.org"), Map.of("StackId", "arn:stack"), NOW);

        assertThat(request.toView().state()).isEqualTo(RequestState.SUCCEEDED);
        assertThat(request.toView().outputs()).containsEntry("Url", "https://example.org");
        assertThat(request.pendingEvents())
                .extracting(Object::getClass)
                .containsExactly(
                        RequestSubmitted.class, RequestApproved.class, RequestStarted.class, RequestSucceeded.class);
    }

    @Test
    void refusesTransitionsTheStateDoesNotAllow() {
        var request = submitted();

        assertThatThrownBy(() -> request.start("x", NOW)).isInstanceOf(RequestStateConflictException.class);
        assertThatThrownBy(() -> request.succeed(Map.of(), Map.of(), NOW))
                .isInstanceOf(RequestStateConflictException.class);

        request.reject("bob", "not now", NOW);

        assertThatThrownBy(() -> request.approve("carol", NOW))
                .isInstanceOf(RequestStateConflictException.class)
                .hasMessageContaining("is REJECTED");
        assertThat(request.toView().failureReason()).isEqualTo("not now");
    }

    @Test
    void failureKeepsTheReason() {
        var request = submitted();
        request.approve("bob", NOW);

        request.fail("CreateStack failed: AccessDenied", NOW);

        assertThat(request.toView().state()).isEqualTo(RequestState.FAILED);
        assertThat(request.pendingEvents()).last().isInstanceOfSatisfying(RequestFailed.class, event -> assertThat(
                        event.details())
                .containsEntry("reason", "CreateStack failed: AccessDenied"));
        assertThatThrownBy(() -> request.completeDryRun("plan", NOW)).isInstanceOf(RequestStateConflictException.class);
    }

    @Test
    void dryRunIsItsOwnTerminalStateNeverSuccess() {
        var request = submitted();
        request.approve("bob", NOW);

        request.completeDryRun("CreateStack …", NOW);

        assertThat(request.toView().state()).isEqualTo(RequestState.DRY_RUN);
        assertThat(request.toView().state().terminal()).isTrue();
        assertThat(request.toView().dryRunPlan()).isEqualTo("CreateStack …");
    }

    @Test
    void anApprovedRequestMayBeCancelledWhileItWaitsButNotOnceItStarted() {
        var queued = submitted();
        queued.approve("bob", NOW);
        queued.cancel("alice", NOW);
        assertThat(queued.toView().state()).isEqualTo(RequestState.CANCELLED);

        var started = submitted();
        started.approve("bob", NOW);
        started.start("CreateStack x", NOW);
        assertThatThrownBy(() -> started.cancel("alice", NOW))
                .isInstanceOf(RequestStateConflictException.class)
                .hasMessageContaining("IN_PROGRESS");
        assertThatThrownBy(() -> queued.start("CreateStack x", NOW)).isInstanceOf(RequestStateConflictException.class);
    }
}
