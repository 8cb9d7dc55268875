package io.vendo.audit.web;

import io.vendo.audit.AuditFilter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The audit page's filters as typed: kept as text, so that a value that is not a time is shown again with a message
 * instead of failing the page. {@link AuditSearchFormValidator} says what is wrong.
 */
public class AuditSearchForm {

    private String actor = "";
    private String action = "";
    private String subject = "";
    private String from = "";
    private String to = "";
    private boolean verify;

    /**
     * A moment as people type it, in UTC: {@code 2026-11-01} (the start of that day, or with {@code endOfDay} the
     * start of the next, so that "to 2026-11-01" includes the whole day), {@code 2026-11-01T09:30}, or an ISO-8601
     * instant with an offset ({@code 2026-11-01T09:30:00Z}, {@code …+01:00}).
     */
    static Optional<Instant> moment(String text, boolean endOfDay) {
        var value = text.strip();
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(value).toInstant());
        } catch (DateTimeParseException notWithOffset) {
            // try the shorter forms
        }
        try {
            return Optional.of(LocalDateTime.parse(value).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException notLocal) {
            // try a plain date
        }
        try {
            var day = LocalDate.parse(value);
            return Optional.of((endOfDay ? day.plusDays(1) : day)
                    .atStartOfDay(ZoneOffset.UTC)
                    .toInstant());
        } catch (DateTimeParseException notADate) {
            throw new IllegalArgumentException("'%s' is not a date or a time".formatted(value), notADate);
        }
    }

    /** The filter to search with; only for a form the validator accepted. */
    AuditFilter filter() {
        return new AuditFilter(
                actor,
                action,
                subject,
                moment(from, false).orElse(null),
                moment(to, true).orElse(null));
    }

    public String getActor() {
        return actor;
    }

    public void setActor(String actor) {
        this.actor = actor == null ? "" : actor;
    }

    public String getAction() {
        return action;
    }

    public void setAction(String action) {
        this.action = action == null ? "" : action;
    }

    public String getSubject() {
        return subject;
    }

    public void setSubject(String subject) {
        this.subject = subject == null ? "" : subject;
    }

    public String getFrom() {
        return from;
    }

    public void setFrom(String from) {
        this.from = from == null ? "" : from;
    }

    public String getTo() {
        return to;
    }

    public void setTo(String to) {
        this.to = to == null ? "" : to;
    }

    public boolean isVerify() {
        return verify;
    }

    public void setVerify(boolean verify) {
        this.verify = verify;
    }
}
