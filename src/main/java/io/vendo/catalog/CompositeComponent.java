package io.vendo.catalog;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;

/**
 * One component of a composite blueprint, as its descriptor writes it: a template file of the composite's folder
 * ({@code template}) or another STACK blueprint ({@code blueprint}, its slug), the components it depends on, and its
 * parameters' wiring. A wiring value is exactly one reference — {@code ${<component>.outputs.<Output>}} or
 * {@code ${request.parameters.<Name>}} — or a literal value.
 *
 * @param blueprintVersionId for a {@code blueprint} component once stored: the version it was resolved to
 * @param blueprintVersion that version's number, for people
 */
@NamedInterface("blueprints")
public record CompositeComponent(
        @Nullable String name,
        @Nullable String template,
        @Nullable String blueprint,
        @Nullable UUID blueprintVersionId,
        @Nullable Integer blueprintVersion,
        @Nullable List<String> dependsOn,
        @Nullable Map<String, String> parameters) {

    public CompositeComponent {
        dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    }

    /** As a descriptor or the API writes it, before it is resolved. */
    public static CompositeComponent of(
            @Nullable String name,
            @Nullable String template,
            @Nullable String blueprint,
            @Nullable List<String> dependsOn,
            @Nullable Map<String, String> parameters) {
        return new CompositeComponent(name, template, blueprint, null, null, dependsOn, parameters);
    }

    /** Its name, in a composite that passed its checks: they refuse a component without one. */
    String checkedName() {
        return Objects.requireNonNull(name, "A checked composite names every component");
    }

    CompositeComponent resolvedTo(UUID versionId, int number) {
        return new CompositeComponent(name, template, blueprint, versionId, number, dependsOn, parameters);
    }

    @Override
    public List<String> dependsOn() {
        return dependsOn == null ? List.of() : dependsOn;
    }

    @Override
    public Map<String, String> parameters() {
        return parameters == null ? Map.of() : parameters;
    }
}
