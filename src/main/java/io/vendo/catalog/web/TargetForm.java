package io.vendo.catalog.web;

import io.vendo.catalog.EnvironmentTier;
import io.vendo.catalog.NewTarget;
import io.vendo.catalog.TargetDetails;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The admin form for a target as typed; {@link TargetFormValidator} says what cannot be read, the catalog what it
 * refuses. Lists are comma-separated; an empty external id keeps the stored one on update.
 */
class TargetForm {

    private String slug = "";
    private String name = "";
    private String accountId = "";
    private String region = "";
    private String environment = "";
    private String executionRoleArn = "";
    private String externalId = "";
    private String allowedBlueprints = "";
    private String allowedOrganizationalUnits = "";

    static TargetForm of(TargetDetails target) {
        var form = new TargetForm();
        form.slug = target.slug();
        form.name = target.name();
        form.accountId = target.accountId();
        form.region = target.region();
        form.environment = target.environment().name();
        form.executionRoleArn = target.executionRoleArn() == null ? "" : target.executionRoleArn();
        form.allowedBlueprints = String.join(", ", target.allowedBlueprints());
        form.allowedOrganizationalUnits = String.join(", ", target.allowedOrganizationalUnits());
        return form;
    }

    /** @throws IllegalArgumentException when it names no tier */
    EnvironmentTier parsedEnvironment() {
        return EnvironmentTier.valueOf(environment);
    }

    /**
     * The target; only for a form {@link TargetFormValidator} accepted.
     *
     * @param keptExternalId the stored external id, kept when the form leaves it empty (it is never shown)
     */
    NewTarget toNewTarget(@Nullable String keptExternalId) {
        return new NewTarget(
                slug.strip(),
                name.strip(),
                accountId.strip(),
                region.strip(),
                parsedEnvironment(),
                executionRoleArn,
                externalId.isBlank() ? keptExternalId : externalId,
                list(allowedBlueprints),
                list(allowedOrganizationalUnits));
    }

    private static List<String> list(String text) {
        return Arrays.stream(text.split(","))
                .map(String::strip)
                .filter(item -> !item.isEmpty())
                .toList();
    }

    public String getSlug() {
        return slug;
    }

    public void setSlug(String slug) {
        this.slug = slug == null ? "" : slug;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name == null ? "" : name;
    }

    public String getAccountId() {
        return accountId;
    }

    public void setAccountId(String accountId) {
        this.accountId = accountId == null ? "" : accountId;
    }

    public String getRegion() {
        return region;
    }

    public void setRegion(String region) {
        this.region = region == null ? "" : region;
    }

    public String getEnvironment() {
        return environment;
    }

    public void setEnvironment(String environment) {
        this.environment = environment == null ? "" : environment;
    }

    public String getExecutionRoleArn() {
        return executionRoleArn;
    }

    public void setExecutionRoleArn(String executionRoleArn) {
        this.executionRoleArn = executionRoleArn == null ? "" : executionRoleArn;
    }

    public String getExternalId() {
        return externalId;
    }

    public void setExternalId(String externalId) {
        this.externalId = externalId == null ? "" : externalId;
    }

    public String getAllowedBlueprints() {
        return allowedBlueprints;
    }

    public void setAllowedBlueprints(String allowedBlueprints) {
        this.allowedBlueprints = allowedBlueprints == null ? "" : allowedBlueprints;
    }

    public String getAllowedOrganizationalUnits() {
        return allowedOrganizationalUnits;
    }

    public void setAllowedOrganizationalUnits(String allowedOrganizationalUnits) {
        this.allowedOrganizationalUnits = allowedOrganizationalUnits == null ? "" : allowedOrganizationalUnits;
    }
}
