package io.vendo.approval;

import io.vendo.catalog.EnvironmentTier;
import io.vendo.request.RequestKind;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

/**
 * Who must approve requests in a scope: a blueprint, an environment tier and/or a team (unset: any), and optionally
 * one kind of request. The most specific matching policy applies; the {@code default} policy, scoped to nothing,
 * always matches. A policy scoped to a kind applies only to requests of that kind, and before any other.
 */
@Entity
@Table(name = "approval_policy")
class ApprovalPolicy {

    @Id
    private UUID id;

    @Column(nullable = false, unique = true)
    private String name;

    @Column(name = "blueprint_slug")
    private @Nullable String blueprintSlug;

    @Enumerated(EnumType.STRING)
    private @Nullable EnvironmentTier environment;

    private @Nullable String team;

    @Enumerated(EnumType.STRING)
    @Column(name = "request_kind")
    private @Nullable RequestKind requestKind;

    @Column(name = "auto_approve", nullable = false)
    private boolean autoApprove;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private List<Requirement> requirements;

    @Column(name = "fallback_group")
    private @Nullable String fallbackGroup;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected ApprovalPolicy() {}

    ApprovalPolicy(NewPolicy policy, Instant now) {
        this.id = UUID.randomUUID();
        this.name = policy.name();
        this.blueprintSlug = policy.blueprintSlug();
        this.environment = policy.environment();
        this.team = policy.team();
        this.requestKind = policy.requestKind();
        this.autoApprove = policy.autoApprove();
        this.requirements = List.copyOf(policy.requirements());
        this.fallbackGroup = policy.fallbackGroup();
        this.createdAt = now;
    }

    boolean matches(String blueprint, EnvironmentTier tier, String requesterTeam) {
        return requestKind == null && matchesScope(blueprint, tier, requesterTeam);
    }

    /** Scoped to this kind of request, and matching the rest of the scope. */
    boolean matches(RequestKind kind, String blueprint, EnvironmentTier tier, String requesterTeam) {
        return kind == requestKind && matchesScope(blueprint, tier, requesterTeam);
    }

    private boolean matchesScope(String blueprint, EnvironmentTier tier, String requesterTeam) {
        return (blueprintSlug == null || blueprintSlug.equals(blueprint))
                && (environment == null || environment == tier)
                && (team == null || team.equals(requesterTeam));
    }

    /** How many scope attributes are set; a blueprint outweighs a team, a team an environment, on ties. */
    int specificity() {
        return (blueprintSlug != null ? 4 : 0) + (team != null ? 2 : 0) + (environment != null ? 1 : 0);
    }

    PolicyView toView() {
        return new PolicyView(
                id, name, blueprintSlug, environment, team, requestKind, autoApprove, requirements, fallbackGroup);
    }

    String name() {
        return name;
    }

    boolean autoApprove() {
        return autoApprove;
    }

    List<Requirement> requirements() {
        return requirements;
    }

    @Nullable
    String fallbackGroup() {
        return fallbackGroup;
    }
}
