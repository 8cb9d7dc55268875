package io.vendo.approval;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Persistable;

/**
 * A one-time approval link, bound to one request and one approver. Only the SHA-256 of its 256-bit random token is
 * stored: the database alone cannot be used to decide.
 */
@Entity
@Table(name = "approval_link")
class ApprovalLink implements Persistable<String> {

    @Id
    @Column(name = "token_hash")
    private String tokenHash;

    @Column(name = "request_id", nullable = false, updatable = false)
    private UUID requestId;

    @Column(nullable = false, updatable = false)
    private String approver;

    @Column(name = "expires_at", nullable = false, updatable = false)
    private Instant expiresAt;

    @Column(name = "used_at")
    private @Nullable Instant usedAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    /**
     * True for a link made here and not yet stored: it is persisted (one insert, batched with its siblings) instead of
     * merged, which would first look for a row with its id.
     */
    @Transient
    private boolean isNew;

    protected ApprovalLink() {}

    ApprovalLink(String tokenHash, UUID requestId, String approver, Instant expiresAt, Instant now) {
        this.tokenHash = tokenHash;
        this.requestId = requestId;
        this.approver = approver;
        this.expiresAt = expiresAt;
        this.createdAt = now;
        this.isNew = true;
    }

    @Override
    public String getId() {
        return tokenHash;
    }

    @Override
    public boolean isNew() {
        return isNew;
    }

    @PostPersist
    void stored() {
        isNew = false;
    }

    /** Why this link cannot be used now, or null when it can. */
    @Nullable
    String unusableBecause(Instant now) {
        if (usedAt != null) {
            return "the link was already used";
        }
        if (!now.isBefore(expiresAt)) {
            return "the link expired";
        }
        return null;
    }

    UUID requestId() {
        return requestId;
    }

    String approver() {
        return approver;
    }
}
