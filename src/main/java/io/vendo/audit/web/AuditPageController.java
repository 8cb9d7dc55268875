package io.vendo.audit.web;

import io.vendo.audit.AuditRecord;
import io.vendo.audit.AuditTrail;
import io.vendo.web.FormProblems;
import io.vendo.web.PageController;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

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

    @InitBinder("filter")
    void validator(WebDataBinder binder) {
        binder.addValidators(new AuditSearchFormValidator());
    }

    @GetMapping("/admin/audit")
    String audit(
            @Valid @ModelAttribute("filter") AuditSearchForm filter,
            BindingResult binding,
            Model model,
            HttpServletResponse response) {
        model.addAttribute("limit", PAGE_LIMIT);
        model.addAttribute("problems", FormProblems.of(binding, "audit-filter"));
        model.addAttribute("messages", FormProblems.byField(binding));
        if (binding.hasErrors()) {
            // The filters are shown again with what is wrong; nothing is searched with half of them.
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("records", List.of());
            return "admin/audit";
        }
        model.addAttribute("records", auditTrail.search(filter.filter(), PAGE_LIMIT));
        if (filter.isVerify()) {
            model.addAttribute("verification", auditTrail.verify());
        }
        return "admin/audit";
    }

    /**
     * The same filters as the page; filters the page would refuse send the browser back to the page, which says what
     * is wrong with them.
     */
    @GetMapping("/admin/audit.csv")
    ResponseEntity<StreamingResponseBody> export(
            @Valid @ModelAttribute("filter") AuditSearchForm filter,
            BindingResult binding,
            HttpServletRequest request) {
        if (binding.hasErrors()) {
            var query = request.getQueryString();
            return ResponseEntity.status(HttpStatus.SEE_OTHER)
                    .location(
                            URI.create(request.getContextPath() + "/admin/audit" + (query == null ? "" : "?" + query)))
                    .build();
        }
        var records = auditTrail.search(filter.filter(), EXPORT_LIMIT);
        StreamingResponseBody csv = stream -> {
            var out = new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
            out.println("id,occurred_at,actor,action,subject,details,hash");
            for (var record : records) {
                out.println(csvLine(record));
            }
            out.flush();
        };
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"vendo-audit.csv\"")
                .body(csv);
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
