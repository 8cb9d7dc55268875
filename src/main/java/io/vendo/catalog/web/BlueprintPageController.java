package io.vendo.catalog.web;

import io.vendo.catalog.BlueprintVersionDetails;
import io.vendo.catalog.Catalog;
import io.vendo.catalog.ParameterDefinition;
import io.vendo.web.PageController;
import java.util.LinkedHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A blueprint's page: what it is and who owns it, the form a request will fill (a preview), its versions with what
 * changed between them, and how an integration requests it.
 */
@PageController
class BlueprintPageController {

    private static final JsonMapper PRETTY =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final Catalog catalog;

    BlueprintPageController(Catalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/blueprints/{slug}")
    String blueprint(
            @PathVariable String slug,
            @RequestParam(required = false) @Nullable Integer from,
            @RequestParam(required = false) @Nullable Integer to,
            Model model) {
        var blueprint = catalog.blueprint(slug);
        var versions = catalog.versions(slug);
        var latest = catalog.version(slug, blueprint.latestVersion());
        model.addAttribute("blueprint", blueprint);
        model.addAttribute("metadata", blueprint.metadata());
        model.addAttribute("latest", latest);
        model.addAttribute("versions", versions);
        model.addAttribute("delivery", latest.delivery().toYaml());
        model.addAttribute("targets", blueprint.retired() ? java.util.List.of() : catalog.targetsFor(latest));
        var newer = to != null ? to : blueprint.latestVersion();
        var older = from != null ? from : newer - 1;
        if (older >= 1 && older != newer) {
            model.addAttribute("diff", catalog.diff(slug, older, newer));
        }
        var payload = payload(latest);
        model.addAttribute("payload", payload);
        model.addAttribute(
                "curl",
                """
                curl -X POST "$VENDO_URL/api/v1/requests" \\
                  -H "Authorization: Bearer $VENDO_TOKEN" \\
                  -H "Content-Type: application/json" \\
                  -H "Idempotency-Key: $(uuidgen)" \\
                  --data-binary @- <<'JSON'
                %s
                JSON"""
                        .formatted(payload));
        return "catalog/blueprint";
    }

    /** A request body an integration can start from: required parameters with a value that passes, others left out. */
    private String payload(BlueprintVersionDetails version) {
        var parameters = new LinkedHashMap<String, String>();
        for (var parameter : version.parameters()) {
            if (parameter.required()) {
                parameters.put(parameter.name(), example(parameter));
            }
        }
        var targets = catalog.targetsFor(version);
        var body = new LinkedHashMap<String, Object>();
        body.put("blueprint", version.slug());
        body.put(
                "target",
                targets.isEmpty() ? "<target slug>" : targets.getFirst().slug());
        body.put("parameters", parameters);
        body.put("justification", "Why this is needed");
        return PRETTY.writeValueAsString(body);
    }

    private static String example(ParameterDefinition parameter) {
        if (!parameter.allowedValues().isEmpty()) {
            return parameter.allowedValues().getFirst();
        }
        if (parameter.numeric()) {
            return parameter.minValue() != null ? parameter.minValue() : "1";
        }
        return "<" + parameter.type() + ">";
    }
}
