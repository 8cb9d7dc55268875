package io.vendo.catalog.web;

import io.vendo.catalog.BlueprintKind;
import io.vendo.catalog.Catalog;
import io.vendo.catalog.CatalogQuery;
import io.vendo.catalog.EnvironmentTier;
import io.vendo.web.PageController;
import org.jspecify.annotations.Nullable;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@PageController
class CatalogPageController {

    private final Catalog catalog;

    CatalogPageController(Catalog catalog) {
        this.catalog = catalog;
    }

    /** The catalog, searched by words and filtered by kind, owner, tag and environment. */
    @GetMapping("/")
    String catalog(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String kind,
            @RequestParam(required = false) @Nullable String owner,
            @RequestParam(required = false) @Nullable String tag,
            @RequestParam(required = false) @Nullable String environment,
            Model model) {
        var query = new CatalogQuery(
                q, parse(BlueprintKind.class, kind), owner, tag, parse(EnvironmentTier.class, environment), false);
        var everything = catalog.search(CatalogQuery.everything());
        model.addAttribute("blueprints", catalog.search(query));
        model.addAttribute("query", query);
        model.addAttribute(
                "filtered", everything.size() != catalog.search(query).size() || hasText(q));
        model.addAttribute("kinds", BlueprintKind.values());
        model.addAttribute("environments", EnvironmentTier.values());
        model.addAttribute(
                "owners",
                everything.stream()
                        .map(blueprint -> blueprint.metadata().owner())
                        .distinct()
                        .sorted()
                        .toList());
        model.addAttribute(
                "tags",
                everything.stream()
                        .flatMap(blueprint -> blueprint.metadata().tags().entrySet().stream())
                        .map(entry -> entry.getKey() + "=" + entry.getValue())
                        .distinct()
                        .sorted()
                        .toList());
        return "catalog/index";
    }

    private static boolean hasText(@Nullable String value) {
        return value != null && !value.isBlank();
    }

    /** An unknown filter value filters nothing rather than failing the page. */
    private static <E extends Enum<E>> @Nullable E parse(Class<E> type, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        for (var constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(value.strip())) {
                return constant;
            }
        }
        return null;
    }
}
