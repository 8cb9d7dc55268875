package io.vendo.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.vendo.support.ModuleTestSettings;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;

/**
 * The audit module alone: it records any module's {@link AuditableEvent} after the publishing transaction commits,
 * once however often the event is delivered, and chains the rows so that the trail verifies.
 */
@ApplicationModuleTest
@ModuleTestSettings
class AuditModuleTest {

    @Autowired
    AuditTrail trail;

    @Autowired
    EventPublicationRegistry publications;

    @Test
    void anAuditableEventPublishedInATransactionIsOnItsSubjectsTimelineAfterCommit(Scenario scenario) {
        var subject = UUID.randomUUID().toString();
        var event = new Happened(UUID.randomUUID(), subject, "request.submitted", Map.of("target", "sandbox"));

        scenario.publish(event)
                .andWaitForStateChange(() -> trail.timeline(subject), entries -> !entries.isEmpty())
                .andVerify(entries -> assertThat(entries).singleElement().satisfies(entry -> {
                    assertThat(entry.action()).isEqualTo("request.submitted");
                    assertThat(entry.actor()).isEqualTo("alice");
                    assertThat(entry.occurredAt()).isEqualTo(event.occurredAt());
                    assertThat(entry.details()).containsExactly(Map.entry("target", "sandbox"));
                }));
    }

    @Test
    void anEventDeliveredAgainIsRecordedOnceAndTheChainStaysIntact(Scenario scenario) {
        var subject = UUID.randomUUID().toString();
        var first = new Happened(UUID.randomUUID(), subject, "approval.opened", Map.of());
        var second = new Happened(UUID.randomUUID(), subject, "approval.approved", Map.of("comment", "ok"));

        scenario.stimulate((transaction, events) -> {
                    transaction.executeWithoutResult(status -> {
                        events.publishEvent(first);
                        events.publishEvent(second);
                    });
                })
                .andWaitForStateChange(() -> incompleteDeliveriesOf(subject), Collection::isEmpty)
                .andVerify(done -> assertThat(trail.timeline(subject)).hasSize(2));

        // The registry delivering the first one again, as after a crash before it was marked complete.
        scenario.stimulate((transaction, events) -> {
                    transaction.executeWithoutResult(status -> events.publishEvent(first));
                })
                .andWaitForStateChange(() -> incompleteDeliveriesOf(subject), Collection::isEmpty)
                .andVerify(done -> {
                    // Appended in whichever order the listeners ran: the timeline orders them by occurrence.
                    assertThat(trail.timeline(subject))
                            .extracting(AuditEntry::action)
                            .containsExactlyInAnyOrder("approval.opened", "approval.approved");
                    var verification = trail.verify();
                    assertThat(verification.intact()).isTrue();
                    assertThat(verification.rowsChecked()).isGreaterThanOrEqualTo(2);
                });
    }

    @Test
    void theSearchFindsWhatWasRecordedNewestFirst(Scenario scenario) {
        var subject = UUID.randomUUID().toString();
        var older = new Happened(UUID.randomUUID(), subject, "request.approved", Map.of());
        var newer = new Happened(UUID.randomUUID(), subject, "request.started", Map.of());

        scenario.stimulate((transaction, events) -> {
                    transaction.executeWithoutResult(status -> {
                        events.publishEvent(older);
                        events.publishEvent(newer);
                    });
                })
                .andWaitForStateChange(
                        () -> trail.search(new AuditFilter("", "request.", subject, null, null), 10),
                        found -> found.size() == 2)
                .andVerify(found -> {
                    // Appended in whichever order the listeners ran; newest first is the order of the log.
                    assertThat(found)
                            .extracting(AuditRecord::action)
                            .containsExactlyInAnyOrder("request.started", "request.approved");
                    assertThat(found)
                            .isSortedAccordingTo(
                                    Comparator.comparingLong(AuditRecord::id).reversed());
                });
    }

    /** An event of some module, as the audit module sees it: only through the interface. */
    /** Deliveries of this test's events not yet handled; other test classes' leftovers are not its business. */
    private java.util.List<?> incompleteDeliveriesOf(String subject) {
        return publications.findIncompletePublications().stream()
                .filter(publication -> publication.getEvent() instanceof Happened happened
                        && happened.subjectId().equals(subject))
                .toList();
    }

    record Happened(UUID eventId, String subjectId, String action, Map<String, String> details)
            implements AuditableEvent {

        @Override
        public Instant occurredAt() {
            return Instant.parse("2026-11-24T10:00:00Z");
        }

        @Override
        public String actor() {
            return "alice";
        }
    }
}
