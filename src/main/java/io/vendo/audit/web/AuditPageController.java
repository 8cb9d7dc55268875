package io.vendo.audit.web;

import io.vendo.audit.AuditFilter;
import io.vendo.audit.AuditRecord;
import io.vendo.audit.AuditTrail;
import io.vendo.web.PageController;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The admin's view of the audit log: filters, CSV export, and whether the hash chain is intact. */
@PageController
@PreAuthorize("hasRole('ADMIN')")
class AuditPageController {

    private static final int PAGE_LIMIT = 500;
    private static final int EXPORT_LIMIT = 100_000;

    private final AuditTrail auditTrail;

    AuditPageController(AuditTrail auditTrail) {
        this.auditTrail = auditTrail;
    }

    @GetMapping("/admin/audit")
    String audit(
            @RequestParam(defaultValue = "") String actor,
            @RequestParam(defaultValue = "") String action,
            @RequestParam(defaultValue = "") String subject,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable Instant to,
            @RequestParam(defaultValue = "false") boolean verify,
            Model model) {
        var filter = new AuditFilter(actor, action, subject, from, to);
        model.addAttribute("filter", filter);
        model.addAttribute("records", auditTrail.search(filter, PAGE_LIMIT));
        model.addAttribute("limit", PAGE_LIMIT);
        if (verify) {
            model.addAttribute("verification", auditTrail.verify());
        }
        return "admin/audit";
    }

    @GetMapping("/admin/audit.csv")
    void export(
            @RequestParam(defaultValue = "") String actor,
            @RequestParam(defaultValue = "") String action,
            @RequestParam(defaultValue = "") String subject,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable Instant to,
            HttpServletResponse response)
            throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"vendo-audit.csv\"");
        var out = response.getWriter();
        out.println("id,occurred_at,actor,action,subject,details,hash");
        for (var record : auditTrail.search(new AuditFilter(actor, action, subject, from, to), EXPORT_LIMIT)) {
            out.println(csvLine(record));
        }
    }

    private static String csvLine(AuditRecord record) {
        var details = record.details().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(entry -> entry.getKey() + "=" + entry.getValue())
                .collect(Collectors.joining("; "));
        return String.join(
                ",",
                String.valueOf(record.id()),
                record.occurredAt().toString(),
                csv(record.actor()),
                csv(record.action()),
                csv(record.subjectId()),
                csv(details),
                record.hash());
    }

    /** RFC 4180 quoting; a leading formula character is neutralised so spreadsheets do not execute it. */
    private static String csv(String value) {
        var safe = value.matches("^[=+\\-@\\t\\r].*") ? "'" + value : value;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
}
