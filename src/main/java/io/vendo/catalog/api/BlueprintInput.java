package io.vendo.catalog.api;

import io.vendo.catalog.BlueprintKind;
import io.vendo.catalog.BlueprintMetadata;
import io.vendo.catalog.Delivery;
import io.vendo.catalog.EnvironmentTier;
import io.vendo.catalog.NewVersion;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A blueprint as the API takes it: metadata, and for a new blueprint its first template. {@code maxLifetime} is an
 * ISO-8601 duration ({@code P30D}); {@code delivery} carries a {@code type} (Stack, AccountFactory,
 * OrganizationsAccount, ServiceCatalogProduct, StackSet) and may be left out for STACK blueprints.
 */
record BlueprintInput(
        @Nullable String slug,
        @Nullable BlueprintKind kind,
        @Nullable String name,
        @Nullable String description,
        @Nullable String owner,
        @Nullable Map<String, String> tags,
        @Nullable List<EnvironmentTier> allowedEnvironments,
        @Nullable String approvalPolicy,
        @Nullable String maxLifetime,
        @Nullable Integer quotaPerTeam,
        @Nullable String template,
        @Nullable List<String> capabilities,
        @Nullable Delivery delivery) {

    BlueprintMetadata metadata() {
        return new BlueprintMetadata(
                name,
                description == null ? "" : description,
                owner,
                tags == null ? Map.of() : tags,
                allowedEnvironments == null ? List.of() : allowedEnvironments,
                approvalPolicy,
                lifetime(maxLifetime),
                quotaPerTeam);
    }

    NewVersion version() {
        return new NewVersion(template, capabilities == null ? List.of() : capabilities, delivery);
    }

    static @Nullable Duration lifetime(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Duration.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("maxLifetime", "Give an ISO-8601 duration such as P30D or PT12H");
        }
    }
}
