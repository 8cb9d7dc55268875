package io.vendo.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

/** An AWS account and region that blueprints deploy to, with the role Vendo assumes there. */
@Entity
@Table(name = "target")
class Target {

    @Id
    private UUID id;

    @Column(nullable = false, unique = true, updatable = false)
    private String slug;

    @Column(nullable = false)
    private String name;

    @Column(name = "account_id", nullable = false)
    private String accountId;

    @Column(nullable = false)
    private String region;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private EnvironmentTier environment;

    @Column(name = "execution_role_arn")
    private @Nullable String executionRoleArn;

    @Column(name = "external_id")
    private @Nullable String externalId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "allowed_blueprints", nullable = false)
    private List<String> allowedBlueprints = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "allowed_organizational_units", nullable = false)
    private List<String> allowedOrganizationalUnits = new ArrayList<>();

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Target() {}

    Target(NewTarget target, Instant createdAt) {
        this.id = UUID.randomUUID();
        this.slug = target.slug();
        this.createdAt = createdAt;
        apply(target);
    }

    void update(NewTarget target) {
        apply(target);
    }

    private void apply(NewTarget target) {
        this.name = target.name();
        this.accountId = target.accountId();
        this.region = target.region();
        this.environment = target.environment();
        this.executionRoleArn = target.executionRoleArn();
        this.externalId = target.externalId();
        this.allowedBlueprints = new ArrayList<>(target.allowedBlueprints());
        this.allowedOrganizationalUnits = new ArrayList<>(target.allowedOrganizationalUnits());
    }

    TargetDetails toDetails() {
        return new TargetDetails(
                id,
                slug,
                name,
                accountId,
                region,
                environment,
                executionRoleArn,
                externalId,
                allowedBlueprints,
                allowedOrganizationalUnits);
    }

    String slug() {
        return slug;
    }
}
