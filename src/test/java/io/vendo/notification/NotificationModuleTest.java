package io.vendo.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.vendo.approval.ApprovalEvent.ApprovalOpened;
import io.vendo.approval.Approvals;
import io.vendo.approval.DecisionChannel;
import io.vendo.approval.DecisionOutcome;
import io.vendo.identity.Actor;
import io.vendo.identity.Role;
import io.vendo.request.RequestEvent.RequestApproved;
import io.vendo.request.RequestEvent.RequestRejected;
import io.vendo.request.RequestState;
import io.vendo.request.RequestView;
import io.vendo.request.Requests;
import io.vendo.request.SubmitRequest;
import io.vendo.support.Mailbox;
import io.vendo.support.ModuleTestSettings;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The notification module with what it listens to (approval, request and the modules they use), mailing through a
 * real SMTP server (GreenMail): each approver an approval opens invites gets a one-time link that decides, and the
 * requester hears of every decision, with the approver's reason when rejected.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES, extraIncludes = "aws")
@ModuleTestSettings
class NotificationModuleTest {

    private static final Actor REQUESTER = new Actor("requester", Set.of(Role.REQUESTER), Set.of("web-team"));
    private static final Actor LEAD =
            new Actor("lead", Set.of(Role.REQUESTER, Role.APPROVER), Set.of("web-team", "team-leads"));
    private static final Actor PLATFORM =
            new Actor("approver", Set.of(Role.REQUESTER, Role.APPROVER), Set.of("platform-team"));

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        Mailbox.register(registry);
    }

    @Autowired
    Requests requests;

    @Autowired
    Approvals approvals;

    private RequestView submitToProduction(String siteName) {
        return requests.submit(
                new SubmitRequest("static-website", "prod-eu-west-1", Map.of("SiteName", siteName), "Go live"),
                REQUESTER);
    }

    @Test
    void everyInvitedApproverIsMailedALinkThatDecides(Scenario scenario) {
        scenario.stimulate(() -> submitToProduction("invited-site"))
                .andWaitForEventOfType(ApprovalOpened.class)
                .toArriveAndVerify((opened, request) -> {
                    assertThat(opened.invitees()).containsExactlyInAnyOrder("lead", "approver", "admin");
                    for (var approver : opened.invitees()) {
                        var mail = Mailbox.awaitAbout(approver + "@vendo.local", "Approval needed", "invited-site");
                        assertThat(Mailbox.subject(mail))
                                .isEqualTo("Approval needed: Static website on Production (eu-west-1) by requester");
                        assertThat(Mailbox.body(mail))
                                .contains("waits for your approval")
                                .contains("/requests/" + request.id());
                    }
                    // The lead's link is the lead's alone, and deciding through it counts.
                    var link = Mailbox.approvalLink(
                            Mailbox.awaitAbout("lead@vendo.local", "Approval needed", "invited-site"));
                    var token = link.substring(link.lastIndexOf('/') + 1);
                    approvals.decideByLink(token, LEAD, DecisionOutcome.APPROVE, "", "192.0.2.1", null);
                    assertThat(approvals.view(request.id(), PLATFORM).waitingFor())
                            .containsExactly("platform-team");
                });
    }

    @Test
    void theRequesterHearsThatTheRequestWasApproved(Scenario scenario) {
        var request = submitToProduction("approved-mail-site");
        approvals.decide(request.id(), LEAD, DecisionOutcome.APPROVE, "", DecisionChannel.WEB, "192.0.2.1", null);

        scenario.stimulate((transaction, events) -> {
                    approvals.decide(
                            request.id(),
                            PLATFORM,
                            DecisionOutcome.APPROVE,
                            "",
                            DecisionChannel.WEB,
                            "192.0.2.2",
                            null);
                })
                .andWaitForEventOfType(RequestApproved.class)
                .toArriveAndVerify(approved -> {
                    var mail = Mailbox.awaitAbout("requester@vendo.local", "APPROVED", "/requests/" + request.id());
                    assertThat(Mailbox.subject(mail))
                            .isEqualTo("Your request for Static website on Production (eu-west-1): APPROVED");
                    assertThat(Mailbox.body(mail))
                            .contains("is now APPROVED (request.approved by approver)")
                            .contains("/requests/" + request.id());
                    assertThat(requests.require(request.id()).state()).isEqualTo(RequestState.APPROVED);
                });
    }

    @Test
    void theRequesterIsToldWhyTheRequestWasRejected(Scenario scenario) {
        var request = submitToProduction("rejected-mail-site");

        scenario.stimulate((transaction, events) -> {
                    approvals.decide(
                            request.id(),
                            LEAD,
                            DecisionOutcome.REJECT,
                            "Use the campaign site",
                            DecisionChannel.API,
                            "192.0.2.1",
                            null);
                })
                .andWaitForEventOfType(RequestRejected.class)
                .toArriveAndVerify(rejected -> {
                    var mail = Mailbox.awaitAbout("requester@vendo.local", "REJECTED", "/requests/" + request.id());
                    assertThat(Mailbox.body(mail))
                            .contains("is now REJECTED (request.rejected by lead)")
                            .contains("Reason: Use the campaign site");
                });
    }
}
