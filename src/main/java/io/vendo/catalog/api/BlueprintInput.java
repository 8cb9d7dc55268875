package io.vendo.catalog.api;

import io.vendo.catalog.BlueprintKind;
import io.vendo.catalog.BlueprintMetadata;
import io.vendo.catalog.CompositeComponent;
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
 * OrganizationsAccount, ServiceCatalogProduct, StackSet) and may be left out for STACK blueprints. A COMPOSITE blueprint
 * gives {@code components} and the text of the templates they name in {@code templates} (by file name) instead of
 * {@code template} and {@code delivery}.
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
        @Nullable Delivery delivery,
        @Nullable List<ComponentInput> components,
        @Nullable Map<String, String> templates) {

    /** The slug asked for; a missing one is refused as an empty one is. */
    String slugOrEmpty() {
        return slug == null ? "" : slug;
    }

    BlueprintMetadata metadata() {
        // A missing name or owner is refused by the catalog's rules as Required, as a blank one is.
        return new BlueprintMetadata(
                name == null ? "" : name,
                description == null ? "" : description,
                owner == null ? "" : owner,
                tags == null ? Map.of() : tags,
                allowedEnvironments == null ? List.of() : allowedEnvironments,
                approvalPolicy,
                lifetime(maxLifetime),
                quotaPerTeam);
    }

    NewVersion version() {
        return version(template, capabilities, delivery, components, templates);
    }

    /** A composite's components make its delivery; any other kind says its delivery itself. */
    static NewVersion version(
            @Nullable String template,
            @Nullable List<String> capabilities,
            @Nullable Delivery delivery,
            @Nullable List<ComponentInput> components,
            @Nullable Map<String, String> templates) {
        var caps = capabilities == null ? List.<String>of() : capabilities;
        if (components == null) {
            if (templates != null) {
                throw new InvalidInputException("templates", "Only a COMPOSITE blueprint's components name templates");
            }
            return new NewVersion(template, caps, delivery);
        }
        if (template != null || delivery != null) {
            throw new InvalidInputException(
                    "components",
                    "A COMPOSITE blueprint names its templates in its components: leave out template and"
                            + " delivery");
        }
        return new NewVersion(
                "",
                caps,
                new Delivery.Composite(
                        components.stream().map(ComponentInput::toComponent).toList(),
                        templates == null ? Map.of() : templates));
    }

    /**
     * One component of a COMPOSITE blueprint, as {@code blueprint.yaml} writes it.
     *
     * @param template the name of one of the blueprint's {@code templates}
     * @param blueprint another STACK blueprint's slug: its newest version
     * @param parameters wiring: {@code ${<component>.outputs.<Output>}}, {@code ${request.parameters.<Name>}} or a
     *     literal
     */
    record ComponentInput(
            @Nullable String name,
            @Nullable String template,
            @Nullable String blueprint,
            @Nullable List<String> dependsOn,
            @Nullable Map<String, String> parameters) {

        CompositeComponent toComponent() {
            return CompositeComponent.of(name, template, blueprint, dependsOn, parameters);
        }
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
