package io.vendo.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.NaturalId;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

/**
 * Something requestable, with the platform team's metadata. Its templates live in immutable {@link BlueprintVersion}s;
 * the metadata may change. A retired blueprint takes no new requests; requests already made keep their version.
 */
@Entity
@Table(name = "blueprint")
class Blueprint {

    @Id
    private UUID id;

    @NaturalId
    @Column(nullable = false, unique = true, updatable = false)
    private String slug;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String description;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private BlueprintKind kind;

    @Column(nullable = false)
    private String owner;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private Map<String, String> tags = new LinkedHashMap<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "allowed_environments", nullable = false)
    private List<EnvironmentTier> allowedEnvironments = new ArrayList<>();

    @Column(name = "approval_policy")
    private @Nullable String approvalPolicy;

    /** ISO-8601, e.g. {@code P30D}. */
    @Column(name = "max_lifetime")
    private @Nullable String maxLifetime;

    @Column(name = "quota_per_team")
    private @Nullable Integer quotaPerTeam;

    @Column(name = "retired_at")
    private @Nullable Instant retiredAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Blueprint() {}

    Blueprint(String slug, BlueprintKind kind, BlueprintMetadata metadata, Instant createdAt) {
        this.id = UUID.randomUUID();
        this.slug = slug;
        this.kind = kind;
        this.createdAt = createdAt;
        apply(metadata);
    }

    /** @return whether anything changed */
    boolean describe(BlueprintMetadata metadata) {
        if (metadata.equals(metadata())) {
            return false;
        }
        apply(metadata);
        return true;
    }

    private void apply(BlueprintMetadata metadata) {
        this.name = metadata.name();
        this.description = metadata.description();
        this.owner = metadata.owner();
        this.tags = new LinkedHashMap<>(metadata.tags());
        this.allowedEnvironments = new ArrayList<>(metadata.allowedEnvironments());
        this.approvalPolicy = metadata.approvalPolicy();
        this.maxLifetime =
                metadata.maxLifetime() == null ? null : metadata.maxLifetime().toString();
        this.quotaPerTeam = metadata.quotaPerTeam();
    }

    /** Retiring twice keeps the first date. */
    void retire(Instant now) {
        if (retiredAt == null) {
            retiredAt = now;
        }
    }

    BlueprintMetadata metadata() {
        return new BlueprintMetadata(
                name,
                description,
                owner,
                tags,
                allowedEnvironments,
                approvalPolicy,
                maxLifetime == null ? null : Duration.parse(maxLifetime),
                quotaPerTeam);
    }

    BlueprintDetails toDetails(int latestVersion) {
        return new BlueprintDetails(id, slug, kind, metadata(), latestVersion, retiredAt, createdAt);
    }

    UUID id() {
        return id;
    }

    String slug() {
        return slug;
    }

    String name() {
        return name;
    }

    String description() {
        return description;
    }

    BlueprintKind kind() {
        return kind;
    }

    String owner() {
        return owner;
    }

    Map<String, String> tags() {
        return tags;
    }

    boolean retired() {
        return retiredAt != null;
    }
}
