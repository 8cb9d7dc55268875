package io.vendo.audit.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vendo.audit.AuditFilter;
import io.vendo.audit.AuditTrail;
import io.vendo.audit.ChainVerification;
import io.vendo.web.ApiScopes;
import io.vendo.web.InvalidInputException;
import io.vendo.web.PageCursor;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Audit", description = "The append-only, hash-chained audit log (admins)")
@PreAuthorize("hasRole('ADMIN')")
class AuditApiController {

    private static final String CURSOR_KIND = "audit";

    private final AuditTrail auditTrail;

    AuditApiController(AuditTrail auditTrail) {
        this.auditTrail = auditTrail;
    }

    /** Recomputes the audit log's hash chain; {@code firstBrokenRow} names the first row that was tampered with. */
    @GetMapping("/api/v1/audit/verification")
    @Operation(
            operationId = "verifyAuditChain",
            summary = "Verify the audit log's hash chain",
            security = @SecurityRequirement(name = ApiScopes.SCHEME, scopes = ApiScopes.ADMIN))
    ChainVerification verify() {
        return auditTrail.verify();
    }

    /** The audit log, newest first, a page at a time; filters combine. */
    @GetMapping("/api/v1/audit/events")
    @Operation(
            operationId = "listAuditEvents",
            summary = "Search the audit log",
            security = @SecurityRequirement(name = ApiScopes.SCHEME, scopes = ApiScopes.ADMIN))
    AuditEventPage events(@ParameterObject @Valid AuditQuery query, BindingResult binding) {
        var errors = InvalidInputException.errors(binding);
        Long beforeId = null;
        if (query.getCursor() != null && !errors.containsKey("cursor")) {
            beforeId = PageCursor.decode(CURSOR_KIND, query.getCursor(), 1)
                    .flatMap(keys -> parseId(keys.getFirst()))
                    .orElse(null);
            if (beforeId == null) {
                errors.put("cursor", "not a cursor returned by this list");
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        var limit = query.getLimit() == null ? AuditQuery.DEFAULT_LIMIT : query.getLimit();
        var found = auditTrail.search(
                AuditFilter.of(query.getActor(), query.getAction(), query.getSubject(), query.getFrom(), query.getTo()),
                beforeId,
                limit + 1);
        var items = found.stream()
                .limit(limit)
                .map(AuditEventPage.AuditEventResponse::of)
                .toList();
        var next = found.size() > limit
                ? PageCursor.encode(CURSOR_KIND, String.valueOf(items.getLast().id()))
                : null;
        return new AuditEventPage(items, next);
    }

    private static Optional<Long> parseId(String key) {
        try {
            return Optional.of(Long.parseLong(key));
        } catch (NumberFormatException malformed) {
            return Optional.empty();
        }
    }

    /**
     * Query parameters of {@code GET /api/v1/audit/events}. A bean rather than a record: a parameter that does not
     * convert leaves the others bound and validated, so that one answer lists every invalid parameter.
     */
    static class AuditQuery {

        static final int DEFAULT_LIMIT = 50;

        @Size(max = 200)
        private @Nullable String actor;

        @Size(max = 200)
        private @Nullable String action;

        @Size(max = 200)
        private @Nullable String subject;

        private @Nullable Instant from;
        private @Nullable Instant to;

        @Size(max = 500)
        private @Nullable String cursor;

        @Min(1)
        @Max(200)
        private @Nullable Integer limit;

        /** Only entries by this actor. */
        public @Nullable String getActor() {
            return actor;
        }

        public void setActor(@Nullable String actor) {
            this.actor = actor;
        }

        /** Only entries whose action starts with this, e.g. {@code approval.}. */
        public @Nullable String getAction() {
            return action;
        }

        public void setAction(@Nullable String action) {
            this.action = action;
        }

        /** Only entries about this subject, e.g. a request id. */
        public @Nullable String getSubject() {
            return subject;
        }

        public void setSubject(@Nullable String subject) {
            this.subject = subject;
        }

        /** Only entries at or after this instant (ISO-8601). */
        public @Nullable Instant getFrom() {
            return from;
        }

        public void setFrom(@Nullable Instant from) {
            this.from = from;
        }

        /** Only entries before this instant (ISO-8601). */
        public @Nullable Instant getTo() {
            return to;
        }

        public void setTo(@Nullable Instant to) {
            this.to = to;
        }

        /** Where to continue: the {@code nextCursor} of the previous page, passed back unchanged. */
        public @Nullable String getCursor() {
            return cursor;
        }

        public void setCursor(@Nullable String cursor) {
            this.cursor = cursor;
        }

        /** How many entries per page, 1 to 200 (default 50). */
        public @Nullable Integer getLimit() {
            return limit;
        }

        public void setLimit(@Nullable Integer limit) {
            this.limit = limit;
        }
    }
}
