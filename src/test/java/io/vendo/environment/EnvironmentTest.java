package io.vendo.environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vendo.catalog.BlueprintKind;
import io.vendo.catalog.EnvironmentTier;
import io.vendo.environment.EnvironmentEvent.LeaseExpired;
import io.vendo.environment.EnvironmentEvent.LeaseExtended;
import io.vendo.environment.EnvironmentEvent.LeaseReminderDue;
import io.vendo.request.RequestKind;
import io.vendo.request.RequestState;
import io.vendo.request.RequestView;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The environment aggregate's rules: one day-2 request at a time, reminders once per expiry, when a lease ends. */
class EnvironmentTest {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private static final List<Duration> REMINDERS = List.of(Duration.ofDays(7), Duration.ofDays(1));

    private static Environment environment(BlueprintKind kind, Instant expiresAt) {
        var request = new RequestView(
                UUID.randomUUID(),
                RequestKind.PROVISION,
                RequestState.SUCCEEDED,
                null,
                null,
                UUID.randomUUID(),
                "static-website",
                "Static website",
                1,
                UUID.randomUUID(),
                "sandbox",
                "Sandbox",
                Map.of("SiteName", "site", "Password", RequestView.MASK),
                "needed",
                "alice",
                "web-team",
                Map.of("Url", "https://example.org"),
                null,
                null,
                null,
                false,
                NOW,
                NOW);
        return Environment.provisioned(
                request,
                kind,
                EnvironmentTier.SANDBOX,
                request.outputs(),
                Map.of("StackId", "arn:aws:cloudformation:eu-west-1:111122223333:stack/s/1"),
                expiresAt,
                NOW);
    }

    private static <T> List<T> events(Environment environment, Class<T> type) {
        return environment.pendingEvents().stream()
                .filter(type::isInstance)
                .map(type::cast)
                .toList();
    }

    @Test
    void oneDayTwoRequestAtATimeAndOnlyTheOneItIsBusyWithFreesIt() {
        var environment = environment(BlueprintKind.STACK, NOW.plus(Duration.ofDays(30)));
        var extension = UUID.randomUUID();
        environment.filed(extension, RequestKind.EXTEND, "alice", NOW);

        assertThatThrownBy(() -> environment.refuseUnlessFree(RequestKind.DECOMMISSION))
                .isInstanceOf(DayTwoRefusedException.class)
                .hasMessageContaining("busy with request " + extension);
        environment.ended(UUID.randomUUID(), "rejected", NOW);
        assertThat(environment.toView().busyWith()).isEqualTo(extension);
        environment.ended(extension, "rejected", NOW);
        assertThat(environment.toView().busyWith()).isNull();
    }

    @Test
    void remindersComeOnceEachPerExpiryAndStartOverWhenTheLeaseMoves() {
        var expiry = NOW.plus(Duration.ofDays(10));
        var environment = environment(BlueprintKind.STACK, expiry);

        assertThat(environment.remindIfDue(REMINDERS, NOW)).isEmpty();
        assertThat(environment.remindIfDue(REMINDERS, expiry.minus(Duration.ofDays(7))))
                .contains(Duration.ofDays(7));
        assertThat(environment.remindIfDue(REMINDERS, expiry.minus(Duration.ofDays(6))))
                .isEmpty();
        // Late by more than both: only the nearer one is sent, the other is not sent afterwards.
        assertThat(environment.remindIfDue(REMINDERS, expiry.minus(Duration.ofHours(2))))
                .contains(Duration.ofDays(1));
        assertThat(environment.remindIfDue(REMINDERS, expiry.minus(Duration.ofHours(1))))
                .isEmpty();
        assertThat(events(environment, LeaseReminderDue.class)).hasSize(2);

        var extension = UUID.randomUUID();
        environment.filed(extension, RequestKind.EXTEND, "alice", NOW);
        var later = expiry.plus(Duration.ofDays(30));
        assertThat(environment.extend(extension, later, "approver", NOW)).isTrue();
        assertThat(environment.extend(extension, later, "approver", NOW))
                .as("a redelivered approval")
                .isFalse();
        assertThat(events(environment, LeaseExtended.class)).hasSize(1);
        assertThat(environment.remindIfDue(REMINDERS, later.minus(Duration.ofDays(7))))
                .contains(Duration.ofDays(7));
    }

    @Test
    void aLeaseEndsOnlyWhenDueFreeAndNotPaused() {
        var expiry = NOW.plus(Duration.ofDays(1));
        var environment = environment(BlueprintKind.STACK, expiry);
        assertThat(environment.expiredAt(expiry.minusSeconds(1))).isFalse();
        assertThat(environment.expiredAt(expiry)).isTrue();

        environment.pauseExpiry(true, "admin", NOW);
        assertThat(environment.expiredAt(expiry)).isFalse();
        assertThat(environment.remindIfDue(REMINDERS, expiry.minus(Duration.ofHours(1))))
                .isEmpty();
        environment.pauseExpiry(false, "admin", NOW);

        var decommission = UUID.randomUUID();
        environment.filed(decommission, RequestKind.DECOMMISSION, "vendo", expiry);
        environment.expire(decommission, expiry);
        assertThat(environment.expiredAt(expiry))
                .as("busy with its decommissioning")
                .isFalse();
        assertThat(events(environment, LeaseExpired.class)).hasSize(1);

        // Accounts too: whether Vendo may retire one is its blueprint version's to say (LeaseExpiry asks the catalog).
        var account = environment(BlueprintKind.ACCOUNT, expiry);
        assertThat(account.expiredAt(expiry)).isTrue();
    }

    @Test
    void driftMakesASteadyEnvironmentDriftedAnInSyncCheckActiveAgainAndLeavesOneBeingRemovedAlone() {
        var environment = environment(BlueprintKind.STACK, NOW.plus(Duration.ofDays(30)));
        assertThat(environment.driftChecked(true, 2, NOW)).hasValue("ACTIVE → DRIFTED");
        assertThat(environment.status()).isEqualTo(EnvironmentStatus.DRIFTED);
        assertThat(environment.toView().statusReason()).isEqualTo("2 resources differ from the template (drift check)");
        assertThat(environment.driftChecked(true, 1, NOW)).as("still drifted").isEmpty();
        assertThat(environment.toView().statusReason()).isEqualTo("1 resource differs from the template (drift check)");
        assertThat(environment.driftChecked(false, 0, NOW)).hasValue("DRIFTED → ACTIVE");
        assertThat(environment.toView().statusReason()).isNull();
        assertThat(environment.driftChecked(false, 0, NOW)).isEmpty();

        var decommission = UUID.randomUUID();
        environment.filed(decommission, RequestKind.DECOMMISSION, "requester", NOW);
        environment.decommissioning(decommission, NOW);
        assertThat(environment.driftChecked(true, 3, NOW)).isEmpty();
        assertThat(environment.status()).isEqualTo(EnvironmentStatus.DECOMMISSIONING);
    }

    @Test
    void decommissioningEndsDecommissionedWithWhatWasKeptOrFailedWithTheReason() {
        var environment = environment(BlueprintKind.STACK, NOW.plus(Duration.ofDays(30)));
        var first = UUID.randomUUID();
        environment.filed(first, RequestKind.DECOMMISSION, "alice", NOW);
        environment.decommissioning(first, NOW);
        assertThat(environment.toView().status()).isEqualTo(EnvironmentStatus.DECOMMISSIONING);
        environment.failed(first, "DELETE_FAILED: SiteBucket DELETE_FAILED: bucket not empty", NOW);
        assertThat(environment.toView().status()).isEqualTo(EnvironmentStatus.FAILED);
        assertThat(environment.toView().statusReason()).contains("bucket not empty");

        var second = UUID.randomUUID();
        environment.filed(second, RequestKind.DECOMMISSION, "alice", NOW);
        environment.decommissioned(second, "SiteBucket (AWS::S3::Bucket, site-bucket)", "system", NOW);
        assertThat(environment.toView().status()).isEqualTo(EnvironmentStatus.DECOMMISSIONED);
        assertThat(environment.toView().statusReason()).isEqualTo("SiteBucket (AWS::S3::Bucket, site-bucket)");
        assertThat(environment.toView().history())
                .extracting(HistoryEntry::kind)
                .containsExactly(RequestKind.PROVISION, RequestKind.DECOMMISSION, RequestKind.DECOMMISSION);
        assertThatThrownBy(() -> environment.refuseUnlessFree(RequestKind.EXTEND))
                .isInstanceOf(DayTwoRefusedException.class)
                .hasMessageContaining("is DECOMMISSIONED");
    }
}
