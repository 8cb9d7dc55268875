package io.vendo.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.vendo.approval.ApprovalEvent.ApprovalOpened;
import io.vendo.approval.ApprovalEvent.DecisionRecorded;
import io.vendo.approval.ApprovalEvent.DecisionRefused;
import io.vendo.identity.Actor;
import io.vendo.identity.Role;
import io.vendo.request.RequestEvent.RequestApproved;
import io.vendo.request.RequestEvent.RequestRejected;
import io.vendo.request.RequestState;
import io.vendo.request.RequestView;
import io.vendo.request.Requests;
import io.vendo.request.SubmitRequest;
import io.vendo.support.ModuleTestSettings;
import io.vendo.support.MutableClock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;

/**
 * The approval module with the modules it uses (request, catalog, identity), without execution or notification: a
 * submitted request opens an approval under the policy in force, the decision that concludes it moves the request on
 * (approved, rejected) without the approval module calling the request's transitions, a refused decision is audited
 * and changes nothing, and the approval's durable clock lets an undecided request expire.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES, extraIncludes = "aws")
@ModuleTestSettings
@Import(MutableClock.Configuration.class)
class ApprovalModuleTest {

    private static final Actor REQUESTER = new Actor("requester", Set.of(Role.REQUESTER), Set.of("web-team"));
    private static final Actor LEAD =
            new Actor("lead", Set.of(Role.REQUESTER, Role.APPROVER), Set.of("web-team", "team-leads"));
    private static final Actor PLATFORM =
            new Actor("approver", Set.of(Role.REQUESTER, Role.APPROVER), Set.of("platform-team"));

    @Autowired
    Requests requests;

    @Autowired
    Approvals approvals;

    @Autowired
    MutableClock clock;

    /** The demo catalog's static website for production, where a team lead and the platform team must approve. */
    private RequestView submitToProduction(String siteName) {
        return requests.submit(
                new SubmitRequest("static-website", "prod-eu-west-1", Map.of("SiteName", siteName), "Go live"),
                REQUESTER);
    }

    @Test
    void aSubmittedRequestWaitsWithAnApprovalThatInvitesItsApprovers(Scenario scenario) {
        scenario.stimulate(() -> submitToProduction("opened-site"))
                .andWaitForEventOfType(ApprovalOpened.class)
                .toArriveAndVerify((opened, request) -> {
                    assertThat(opened.requestId()).isEqualTo(request.id());
                    assertThat(opened.policy()).isEqualTo("production");
                    assertThat(opened.requirements()).isEqualTo("1 from team-leads and 1 from platform-team");
                    assertThat(opened.team()).isEqualTo("web-team");
                    // The approvers of both groups; never the requester.
                    assertThat(opened.invitees()).containsExactlyInAnyOrder("lead", "approver", "admin");
                    assertThat(request.state()).isEqualTo(RequestState.PENDING_APPROVAL);
                    var approval = approvals.view(request.id(), LEAD);
                    assertThat(approval.status()).isEqualTo(ApprovalStatus.PENDING);
                    assertThat(approval.waitingFor()).containsExactly("team-leads", "platform-team");
                    // Seven days from submission, as PostgreSQL keeps it (to the microsecond).
                    assertThat(approval.deadline())
                            .isCloseTo(clock.instant().plus(Duration.ofDays(7)), within(1, ChronoUnit.MILLIS));
                    assertThat(approval.mayDecide()).isTrue();
                });
    }

    @Test
    void theDecisionThatCompletesTheApprovalApprovesTheRequest(Scenario scenario) {
        var request = submitToProduction("approved-site");
        approvals.decide(request.id(), LEAD, DecisionOutcome.APPROVE, "", DecisionChannel.WEB, "192.0.2.1", null);
        assertThat(requests.require(request.id()).state()).isEqualTo(RequestState.PENDING_APPROVAL);

        scenario.stimulate((transaction, events) -> {
                    var decided = approvals.decide(
                            request.id(),
                            PLATFORM,
                            DecisionOutcome.APPROVE,
                            "ok",
                            DecisionChannel.API,
                            "192.0.2.2",
                            null);
                    // Moved on in the deciding transaction: the answer already says so.
                    assertThat(decided.state()).isEqualTo(RequestState.APPROVED);
                })
                .andWaitForEventOfType(RequestApproved.class)
                .toArriveAndVerify(approved -> {
                    assertThat(approved.requestId()).isEqualTo(request.id());
                    assertThat(approved.actor()).isEqualTo("approver");
                    assertThat(requests.require(request.id()).state()).isEqualTo(RequestState.APPROVED);
                    assertThat(approvals.view(request.id(), LEAD).status()).isEqualTo(ApprovalStatus.APPROVED);
                });
    }

    @Test
    void aRejectionRejectsTheRequestWithTheApproversReason(Scenario scenario) {
        var request = submitToProduction("rejected-site");

        scenario.stimulate((transaction, events) -> {
                    approvals.decide(
                            request.id(),
                            PLATFORM,
                            DecisionOutcome.REJECT,
                            "  Use the shared site instead ",
                            DecisionChannel.WEB,
                            "192.0.2.2",
                            null);
                })
                .andWaitForEventOfType(RequestRejected.class)
                .toArriveAndVerify(rejected -> {
                    assertThat(rejected.requestId()).isEqualTo(request.id());
                    assertThat(rejected.actor()).isEqualTo("approver");
                    assertThat(rejected.reason()).isEqualTo("Use the shared site instead");
                    var rejectedRequest = requests.require(request.id());
                    assertThat(rejectedRequest.state()).isEqualTo(RequestState.REJECTED);
                    assertThat(rejectedRequest.failureReason()).isEqualTo("Use the shared site instead");
                });
    }

    @Test
    void aRefusedDecisionIsAuditedAndChangesNothing(Scenario scenario) {
        var request = submitToProduction("own-site");
        var requesterAsApprover =
                new Actor("requester", Set.of(Role.REQUESTER, Role.APPROVER), Set.of("web-team", "team-leads"));

        scenario.stimulate((transaction, events) -> {
                    assertThatThrownBy(() -> approvals.decide(
                                    request.id(),
                                    requesterAsApprover,
                                    DecisionOutcome.APPROVE,
                                    "",
                                    DecisionChannel.WEB,
                                    "192.0.2.3",
                                    null))
                            .isInstanceOf(DecisionRefusedException.class)
                            .hasMessageContaining("Nobody may approve or reject their own request");
                })
                .andWaitForEventOfType(DecisionRefused.class)
                .toArriveAndVerify(refused -> {
                    assertThat(refused.requestId()).isEqualTo(request.id());
                    assertThat(refused.actor()).isEqualTo("requester");
                    assertThat(refused.reason()).isEqualTo("Nobody may approve or reject their own request");
                    assertThat(refused.source()).isEqualTo("192.0.2.3");
                    assertThat(requests.require(request.id()).state()).isEqualTo(RequestState.PENDING_APPROVAL);
                    assertThat(approvals.view(request.id(), LEAD).decisions()).isEmpty();
                });
    }

    @Test
    void aFirstApprovalIsRecordedAndTheRequestKeepsWaiting(Scenario scenario) {
        var request = submitToProduction("half-approved-site");

        scenario.stimulate((transaction, events) -> {
                    approvals.decide(
                            request.id(), LEAD, DecisionOutcome.APPROVE, "", DecisionChannel.WEB, "192.0.2.1", null);
                })
                .andWaitForEventOfType(DecisionRecorded.class)
                .toArriveAndVerify(recorded -> {
                    assertThat(recorded.requestId()).isEqualTo(request.id());
                    assertThat(recorded.outcome()).isEqualTo(DecisionOutcome.APPROVE);
                    assertThat(requests.require(request.id()).state()).isEqualTo(RequestState.PENDING_APPROVAL);
                    assertThat(approvals.view(request.id(), PLATFORM).waitingFor())
                            .containsExactly("platform-team");
                });
    }

    @Test
    void anApprovalNobodyDecidesLapsesAtItsDeadlineAndTheRequestExpires(Scenario scenario) {
        UUID id = submitToProduction("lapsed-site").id();

        // The durable timer wakes at the deadline and lets the approval lapse; the request expires with it.
        scenario.stimulate(() -> clock.advance(Duration.ofDays(7).plusMinutes(1)))
                .andWaitAtMost(Duration.ofSeconds(20))
                .andWaitForStateChange(() -> requests.require(id).state(), state -> state == RequestState.EXPIRED)
                .andVerify(state -> {
                    var approval = approvals.view(id, LEAD);
                    assertThat(approval.status()).isEqualTo(ApprovalStatus.CLOSED);
                    assertThat(approval.waitingFor()).isEmpty();
                    assertThat(approval.mayDecide()).isFalse();
                });
    }
}
