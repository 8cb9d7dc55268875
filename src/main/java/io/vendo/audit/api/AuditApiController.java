package io.vendo.audit.api;

import io.vendo.audit.AuditTrail;
import io.vendo.audit.ChainVerification;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@PreAuthorize("hasRole('ADMIN')")
class AuditApiController {

    private final AuditTrail auditTrail;

    AuditApiController(AuditTrail auditTrail) {
        this.auditTrail = auditTrail;
    }

    /** Recomputes the audit log's hash chain; {@code firstBrokenRow} names the first row that was tampered with. */
    @GetMapping("/api/v1/audit/verification")
    ChainVerification verify() {
        return auditTrail.verify();
    }
}
