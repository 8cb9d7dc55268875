package io.vendo.catalog.api;

import io.vendo.catalog.BlueprintKind;
import io.vendo.catalog.BlueprintSummary;
import io.vendo.catalog.Catalog;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/blueprints")
class BlueprintsApiController {

    private final Catalog catalog;

    BlueprintsApiController(Catalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping
    List<BlueprintResponse> list() {
        return catalog.blueprints().stream().map(BlueprintResponse::of).toList();
    }

    record BlueprintResponse(
            UUID id,
            String slug,
            String name,
            String description,
            BlueprintKind kind,
            String owner,
            int latestVersion) {

        static BlueprintResponse of(BlueprintSummary summary) {
            return new BlueprintResponse(
                    summary.id(),
                    summary.slug(),
                    summary.name(),
                    summary.description(),
                    summary.kind(),
                    summary.owner(),
                    summary.latestVersion());
        }
    }
}
