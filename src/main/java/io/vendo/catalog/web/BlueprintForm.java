package io.vendo.catalog.web;

import io.vendo.catalog.BlueprintDetails;
import io.vendo.catalog.BlueprintMetadata;
import io.vendo.catalog.EnvironmentTier;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The admin form for a blueprint: its metadata, and for a new blueprint its kind, first template and delivery. Tags
 * are written one {@code key=value} per line; the delivery as YAML.
 */
public class BlueprintForm {

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

    /** The metadata, or the fields that cannot even be read, in {@code errors}. */
    BlueprintMetadata metadata(Map<String, String> errors) {
        var parsedTags = new LinkedHashMap<String, String>();
        for (var line : tags.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            var separator = line.indexOf('=');
            if (separator < 1) {
                errors.put("tags", "Write one tag per line as key=value");
                break;
            }
            parsedTags.put(
                    line.substring(0, separator).strip(),
                    line.substring(separator + 1).strip());
        }
        Duration lifetime = null;
        if (!maxLifetime.isBlank()) {
            try {
                lifetime = Duration.parse(maxLifetime.strip());
            } catch (DateTimeParseException e) {
                errors.put("maxLifetime", "Give an ISO-8601 duration such as P30D or PT12H");
            }
        }
        Integer quota = null;
        if (!quotaPerTeam.isBlank()) {
            try {
                quota = Integer.valueOf(quotaPerTeam.strip());
            } catch (NumberFormatException e) {
                errors.put("quotaPerTeam", "Give a whole number, or leave it empty for no quota");
            }
        }
        return new BlueprintMetadata(
                name.strip(),
                description.strip(),
                owner.strip(),
                parsedTags,
                allowedEnvironments.stream().map(EnvironmentTier::valueOf).toList(),
                approvalPolicy.isBlank() ? null : approvalPolicy.strip(),
                lifetime,
                quota);
    }

    public String getSlug() {
        return slug;
    }

    public void setSlug(String slug) {
        this.slug = slug;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getOwner() {
        return owner;
    }

    public void setOwner(String owner) {
        this.owner = owner;
    }

    public String getTags() {
        return tags;
    }

    public void setTags(String tags) {
        this.tags = tags;
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
        this.approvalPolicy = approvalPolicy;
    }

    public String getMaxLifetime() {
        return maxLifetime;
    }

    public void setMaxLifetime(String maxLifetime) {
        this.maxLifetime = maxLifetime;
    }

    public String getQuotaPerTeam() {
        return quotaPerTeam;
    }

    public void setQuotaPerTeam(String quotaPerTeam) {
        this.quotaPerTeam = quotaPerTeam;
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
        this.template = template;
    }
}
