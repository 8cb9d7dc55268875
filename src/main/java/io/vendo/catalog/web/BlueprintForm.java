package io.vendo.catalog.web;

import io.vendo.catalog.BlueprintDetails;
import io.vendo.catalog.BlueprintKind;
import io.vendo.catalog.BlueprintMetadata;
import io.vendo.catalog.BlueprintVersionDetails;
import io.vendo.catalog.Delivery;
import io.vendo.catalog.EnvironmentTier;
import io.vendo.catalog.NewBlueprint;
import io.vendo.catalog.NewVersion;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The admin form for a blueprint as typed: its metadata, and for a new blueprint its kind, first template and delivery
 * (a new version's form uses the last three only). Tags are written one {@code key=value} per line; the delivery as
 * YAML. {@link BlueprintFormValidator} says what cannot be read; the catalog what it refuses.
 */
class BlueprintForm {

    private String slug = "";
    private String kind = "STACK";
    private String name = "";
    private String description = "";
    private String owner = "";
    private String tags = "";
    private List<String> allowedEnvironments = new ArrayList<>();
    private String approvalPolicy = "";
    private String maxLifetime = "";
    private String quotaPerTeam = "";
    private List<String> capabilities = new ArrayList<>();
    private String delivery = "";
    private String template = "";

    /** The form of a blueprint's metadata, as it is now. */
    static BlueprintForm of(BlueprintDetails blueprint) {
        var form = new BlueprintForm();
        var metadata = blueprint.metadata();
        form.slug = blueprint.slug();
        form.kind = blueprint.kind().name();
        form.name = metadata.name();
        form.description = metadata.description();
        form.owner = metadata.owner();
        var tags = new StringBuilder();
        metadata.tags()
                .forEach((key, value) ->
                        tags.append(key).append('=').append(value).append('\n'));
        form.tags = tags.toString();
        form.allowedEnvironments = new ArrayList<>(
                metadata.allowedEnvironments().stream().map(Enum::name).toList());
        form.approvalPolicy = metadata.approvalPolicy() == null ? "" : metadata.approvalPolicy();
        form.maxLifetime =
                metadata.maxLifetime() == null ? "" : metadata.maxLifetime().toString();
        form.quotaPerTeam =
                metadata.quotaPerTeam() == null ? "" : metadata.quotaPerTeam().toString();
        return form;
    }

    /** The form of a new version, starting from what the newest one holds. */
    static BlueprintForm of(BlueprintVersionDetails latest) {
        var form = new BlueprintForm();
        form.template = latest.templateBody();
        form.capabilities = new ArrayList<>(latest.capabilities());
        form.delivery = latest.delivery().toYaml();
        return form;
    }

    /** @throws IllegalArgumentException when it names no kind */
    BlueprintKind parsedKind() {
        return BlueprintKind.valueOf(kind);
    }

    /**
     * One tag per line as {@code key=value}; blank lines are left out.
     *
     * @throws IllegalArgumentException when a line is not {@code key=value}
     */
    Map<String, String> parsedTags() {
        var parsed = new LinkedHashMap<String, String>();
        for (var line : tags.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            var separator = line.indexOf('=');
            if (separator < 1) {
                throw new IllegalArgumentException(line);
            }
            parsed.put(
                    line.substring(0, separator).strip(),
                    line.substring(separator + 1).strip());
        }
        return parsed;
    }

    /** @throws IllegalArgumentException when a tier is not one of the catalog's */
    List<EnvironmentTier> parsedEnvironments() {
        return allowedEnvironments.stream().map(EnvironmentTier::valueOf).toList();
    }

    /**
     * An ISO-8601 duration; empty: no limit.
     *
     * @throws java.time.format.DateTimeParseException when it is none
     */
    @Nullable
    Duration parsedMaxLifetime() {
        return maxLifetime.isBlank() ? null : Duration.parse(maxLifetime.strip());
    }

    /**
     * A whole number; empty: no quota.
     *
     * @throws NumberFormatException when it is none
     */
    @Nullable
    Integer parsedQuota() {
        return quotaPerTeam.isBlank() ? null : Integer.valueOf(quotaPerTeam.strip());
    }

    /** The metadata; only for a form {@link BlueprintFormValidator} accepted. */
    BlueprintMetadata metadata() {
        return new BlueprintMetadata(
                name.strip(),
                description.strip(),
                owner.strip(),
                parsedTags(),
                parsedEnvironments(),
                approvalPolicy.isBlank() ? null : approvalPolicy.strip(),
                parsedMaxLifetime(),
                parsedQuota());
    }

    /**
     * The template, capabilities and delivery as a new version of a blueprint of this kind.
     *
     * @throws io.vendo.catalog.InvalidEntryException under {@code delivery} when the delivery is not YAML of one
     */
    NewVersion version(BlueprintKind kind) {
        return new NewVersion(template, capabilities, Delivery.fromYaml(kind, delivery));
    }

    /** The blueprint with its first version; only for a form {@link BlueprintFormValidator} accepted. */
    NewBlueprint blueprint() {
        var parsedKind = parsedKind();
        return new NewBlueprint(slug.strip(), parsedKind, metadata(), version(parsedKind));
    }

    public String getSlug() {
        return slug;
    }

    public void setSlug(String slug) {
        this.slug = slug == null ? "" : slug;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind == null ? "" : kind;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name == null ? "" : name;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description == null ? "" : description;
    }

    public String getOwner() {
        return owner;
    }

    public void setOwner(String owner) {
        this.owner = owner == null ? "" : owner;
    }

    public String getTags() {
        return tags;
    }

    public void setTags(String tags) {
        this.tags = tags == null ? "" : tags;
    }

    public List<String> getAllowedEnvironments() {
        return allowedEnvironments;
    }

    public void setAllowedEnvironments(List<String> allowedEnvironments) {
        this.allowedEnvironments = allowedEnvironments;
    }

    public String getApprovalPolicy() {
        return approvalPolicy;
    }

    public void setApprovalPolicy(String approvalPolicy) {
        this.approvalPolicy = approvalPolicy == null ? "" : approvalPolicy;
    }

    public String getMaxLifetime() {
        return maxLifetime;
    }

    public void setMaxLifetime(String maxLifetime) {
        this.maxLifetime = maxLifetime == null ? "" : maxLifetime;
    }

    public String getQuotaPerTeam() {
        return quotaPerTeam;
    }

    public void setQuotaPerTeam(String quotaPerTeam) {
        this.quotaPerTeam = quotaPerTeam == null ? "" : quotaPerTeam;
    }

    public List<String> getCapabilities() {
        return capabilities;
    }

    public void setCapabilities(List<String> capabilities) {
        this.capabilities = capabilities;
    }

    public String getDelivery() {
        return delivery;
    }

    public void setDelivery(@Nullable String delivery) {
        this.delivery = delivery == null ? "" : delivery;
    }

    public String getTemplate() {
        return template;
    }

    public void setTemplate(String template) {
        this.template = template == null ? "" : template;
    }
}
