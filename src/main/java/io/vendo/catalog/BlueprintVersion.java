package io.vendo.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

/** One immutable template of a blueprint with the parameter model parsed from it. Requests pin a version. */
@Entity
@Immutable
@Table(name = "blueprint_version")
class BlueprintVersion {

    @Id
    private UUID id;

    @Column(name = "blueprint_id", nullable = false)
    private UUID blueprintId;

    @Column(nullable = false)
    private int number;

    @Column(name = "template_body", nullable = false)
    private String templateBody;

    @Column(name = "template_sha256", nullable = false)
    private String templateSha256;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private List<ParameterDefinition> parameters;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private List<String> outputs;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private List<String> capabilities;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private Delivery delivery;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "aws_check")
    private @Nullable AwsComparison awsCheck;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected BlueprintVersion() {}

    BlueprintVersion(
            UUID blueprintId,
            int number,
            String templateBody,
            String templateSha256,
            TemplateParser.ParsedTemplate parsed,
            List<String> capabilities,
            Delivery delivery,
            AwsComparison awsCheck,
            Instant createdAt) {
        this.id = UUID.randomUUID();
        this.blueprintId = blueprintId;
        this.number = number;
        this.templateBody = templateBody;
        this.templateSha256 = templateSha256;
        this.parameters = parsed.parameters();
        this.outputs = parsed.outputs();
        this.capabilities = List.copyOf(capabilities);
        this.delivery = delivery;
        this.awsCheck = awsCheck;
        this.createdAt = createdAt;
    }

    BlueprintVersionDetails toDetails(Blueprint blueprint) {
        return new BlueprintVersionDetails(
                id,
                blueprint.id(),
                blueprint.slug(),
                blueprint.name(),
                blueprint.description(),
                blueprint.kind(),
                number,
                templateBody,
                parameters,
                outputs,
                capabilities,
                blueprint.tags(),
                delivery);
    }

    /** Whether this version already holds what a new one would: versions change only when one of these does. */
    boolean holds(String sha256, List<String> capabilities, Delivery delivery) {
        return templateSha256.equals(sha256)
                && this.capabilities.equals(capabilities)
                && this.delivery.equals(delivery);
    }

    BlueprintVersionSummary toSummary() {
        return new BlueprintVersionSummary(
                id, number, templateSha256, createdAt, awsCheck, AllowedPattern.warnings(parameters));
    }

    UUID id() {
        return id;
    }

    UUID blueprintId() {
        return blueprintId;
    }

    int number() {
        return number;
    }

    String templateBody() {
        return templateBody;
    }

    String templateSha256() {
        return templateSha256;
    }

    List<ParameterDefinition> parameters() {
        return parameters;
    }

    List<String> outputs() {
        return outputs;
    }

    List<String> capabilities() {
        return capabilities;
    }

    Delivery delivery() {
        return delivery;
    }

    Instant createdAt() {
        return createdAt;
    }
}
