package io.vendo.catalog;

import io.vendo.catalog.DescriptorBinder.DescriptorException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A blueprint's {@code blueprint.yaml} in the catalog directory, bound as written; what it means is checked by the
 * catalog's rules when it is stored. See the README for an example.
 *
 * @param template the template's file name in the blueprint's folder; none: {@code template.yaml}
 * @param delivery the kind-specific settings, written as {@link Delivery} without {@code type} where the kind implies
 *     it
 * @param maxLifetime an ISO-8601 duration such as {@code P30D}
 * @param components a COMPOSITE blueprint's components (see {@link CompositeChecks}); no other kind has any
 */
record BlueprintDescriptor(
        @Nullable String name,
        @Nullable BlueprintKind kind,
        @Nullable String description,
        @Nullable String owner,
        @Nullable Map<String, String> tags,
        @Nullable List<String> capabilities,
        @Nullable List<EnvironmentTier> allowedEnvironments,
        @Nullable String approvalPolicy,
        @Nullable String maxLifetime,
        @Nullable Integer quotaPerTeam,
        @Nullable String template,
        @Nullable Map<String, Object> delivery,
        @Nullable List<ComponentDescriptor> components) {

    static final String FILE = "blueprint.yaml";
    static final String DEFAULT_TEMPLATE = "template.yaml";

    /**
     * @return a descriptor with its kind
     * @throws DescriptorException naming what cannot be read
     */
    static BlueprintDescriptor read(String yaml) {
        var descriptor = DescriptorBinder.bind(yaml, BlueprintDescriptor.class, "a mapping of blueprint settings");
        if (descriptor.kind() == null) {
            throw new DescriptorException(
                    "kind must be one of %s; it is missing".formatted(DescriptorBinder.constants(BlueprintKind.class)));
        }
        if (descriptor.kind() == BlueprintKind.COMPOSITE) {
            if (descriptor.components() == null) {
                throw new DescriptorException("A COMPOSITE blueprint lists its components");
            }
            if (descriptor.template() != null || descriptor.delivery() != null) {
                throw new DescriptorException(
                        "A COMPOSITE blueprint names its templates in its components: leave out template and delivery");
            }
        } else if (descriptor.components() != null) {
            throw new DescriptorException(
                    "Only a COMPOSITE blueprint has components; this one is a " + descriptor.kind());
        }
        return descriptor;
    }

    /** The template files a composite's components name, each once, in the order listed. */
    List<String> componentTemplates() {
        return listedComponents().stream()
                .map(ComponentDescriptor::template)
                .filter(Objects::nonNull)
                .distinct()
                .toList();
    }

    /** The components listed; none listed (refused for a COMPOSITE by {@link #read}) is none. */
    private List<ComponentDescriptor> listedComponents() {
        return components == null ? List.of() : components;
    }

    /** The kind, which {@link #read} requires. */
    private BlueprintKind declaredKind() {
        return Objects.requireNonNull(kind, "A descriptor read has a kind");
    }

    /** A composite's graph as written, with the text of the template files found beside the descriptor. */
    Delivery.Composite composite(Map<String, String> templates) {
        return new Delivery.Composite(
                listedComponents().stream()
                        .map(component -> CompositeComponent.of(
                                component.name(),
                                component.template(),
                                component.blueprint(),
                                component.dependsOn(),
                                component.parameters()))
                        .toList(),
                templates);
    }

    /**
     * The template's file name: a file in the blueprint's own folder.
     *
     * @throws DescriptorException when it names anything else
     */
    String templateFile() {
        var file = Optional.ofNullable(template).orElse(DEFAULT_TEMPLATE);
        if (!file.matches("[\\w.-]+") || file.startsWith(".")) {
            throw new DescriptorException("template must name a file in the blueprint's folder, not " + file);
        }
        return file;
    }

    /** Whether the descriptor names its template rather than relying on the default file. */
    boolean namesTemplate() {
        return template != null;
    }

    /**
     * The delivery; none for a non-STACK kind that says nothing (the catalog reports it missing).
     *
     * @throws InvalidEntryException under {@code delivery} when the settings are not a delivery of the kind
     */
    @Nullable
    Delivery deliveryOf() {
        if (kind == BlueprintKind.COMPOSITE) {
            return null;
        }
        if (delivery == null) {
            return kind == BlueprintKind.STACK ? new Delivery.Stack() : null;
        }
        return DeliveryText.fromMap(declaredKind(), delivery);
    }

    /** One component as {@code blueprint.yaml} writes it. */
    record ComponentDescriptor(
            @Nullable String name,
            @Nullable String template,
            @Nullable String blueprint,
            @Nullable List<String> dependsOn,
            @Nullable Map<String, String> parameters) {}

    /** @throws DescriptorException when the lifetime is not an ISO-8601 duration */
    NewBlueprint toNewBlueprint(String slug, String templateBody, @Nullable Delivery delivery) {
        // A missing name or owner is refused by the catalog's rules as Required, as a blank one is.
        var metadata = new BlueprintMetadata(
                Optional.ofNullable(name).orElse(""),
                Optional.ofNullable(description).orElse("").strip(),
                Optional.ofNullable(owner).orElse(""),
                tags == null ? Map.of() : tags,
                allowedEnvironments == null ? List.of() : allowedEnvironments,
                approvalPolicy,
                lifetime(),
                quotaPerTeam);
        return new NewBlueprint(
                slug,
                declaredKind(),
                metadata,
                new NewVersion(templateBody, capabilities == null ? List.of() : capabilities, delivery));
    }

    private @Nullable Duration lifetime() {
        if (maxLifetime == null) {
            return null;
        }
        try {
            return Duration.parse(maxLifetime);
        } catch (DateTimeParseException e) {
            throw new DescriptorException(
                    "maxLifetime '%s' is not an ISO-8601 duration such as P30D or PT12H".formatted(maxLifetime));
        }
    }
}
