package io.vendo.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vendo.support.ModuleTestSettings;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit module alone: it records any module's {@link AuditableEvent} when the publishing transaction commits
 * (never when it rolls back), once however often the event is published, and chains the rows so that the trail
 * verifies.
 */
@ApplicationModuleTest
@ModuleTestSettings
class AuditModuleTest {

    @Autowired
    AuditTrail trail;

    @Autowired
    EventPublicationRegistry publications;

    @Autowired
    EarlierAuditPublications earlier;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transactions;

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
    void anEventPublishedAgainIsRecordedOnceAndTheChainStaysIntact(Scenario scenario) {
        var subject = UUID.randomUUID().toString();
        var first = new Happened(UUID.randomUUID(), subject, "approval.opened", Map.of());
        var second = new Happened(UUID.randomUUID(), subject, "approval.approved", Map.of("comment", "ok"));

        scenario.stimulate((transaction, events) -> {
                    transaction.executeWithoutResult(status -> {
                        events.publishEvent(first);
                        events.publishEvent(second);
                    });
                })
                .andWaitForStateChange(() -> trail.timeline(subject), entries -> entries.size() == 2)
                .andVerify(entries -> assertThat(entries)
                        .extracting(AuditEntry::action)
                        .containsExactly("approval.opened", "approval.approved"));

        // The first one again, as a redelivery would publish it: it waits, and is appended never.
        scenario.stimulate((transaction, events) -> {
                    transaction.executeWithoutResult(status -> events.publishEvent(first));
                })
                .andWaitForStateChange(() -> waitingOf(subject), waiting -> waiting == 0)
                .andVerify(done -> {
                    assertThat(trail.timeline(subject))
                            .extracting(AuditEntry::action)
                            .containsExactly("approval.opened", "approval.approved");
                    var verification = trail.verify();
                    assertThat(verification.intact()).isTrue();
                    assertThat(verification.rowsChecked()).isGreaterThanOrEqualTo(2);
                });
    }

    @Test
    void anEventPublishedInATransactionThatRollsBackIsNotRecorded(Scenario scenario) {
        var subject = UUID.randomUUID().toString();
        var rolledBack = new Happened(UUID.randomUUID(), subject, "request.submitted", Map.of());
        var committed = new Happened(UUID.randomUUID(), subject, "request.cancelled", Map.of());

        scenario.stimulate((transaction, events) -> {
                    transaction.executeWithoutResult(status -> {
                        events.publishEvent(rolledBack);
                        status.setRollbackOnly();
                    });
                    transaction.executeWithoutResult(status -> events.publishEvent(committed));
                })
                .andWaitForStateChange(() -> trail.timeline(subject), entries -> !entries.isEmpty())
                .andVerify(entries -> {
                    assertThat(entries).extracting(AuditEntry::action).containsExactly("request.cancelled");
                    assertThat(waitingOf(subject)).isZero();
                });
    }

    @Test
    void eventsTheRegistryHeldForTheEarlierAsynchronousListenerAreRecordedAtStart() {
        var subject = UUID.randomUUID().toString();
        var held = new Happened(UUID.randomUUID(), subject, "request.approved", Map.of("by", "lead"));
        // As an earlier version left it: a publication for its audit listener, not yet completed.
        transactions.executeWithoutResult(
                status -> publications.store(held, Stream.of(EarlierAuditPublications.EARLIER_LISTENER)));

        earlier.adopt();

        var entries = await().until(() -> trail.timeline(subject), found -> !found.isEmpty());
        assertThat(entries).singleElement().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo("request.approved");
            assertThat(entry.details()).containsExactly(Map.entry("by", "lead"));
        });
        assertThat(publications.findIncompletePublications())
                .noneMatch(publication -> publication.getEvent() instanceof Happened happened
                        && happened.subjectId().equals(subject));
    }

    /** Events of this subject not yet appended to the log. */
    private int waitingOf(String subject) {
        return jdbc.queryForObject("select count(*) from audit_pending where subject_id = ?", Integer.class, subject);
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
