package io.vendo.catalog.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vendo.catalog.Catalog;
import io.vendo.catalog.EnvironmentTier;
import io.vendo.catalog.TargetDetails;
import io.vendo.web.ApiScopes;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Catalog", description = "What can be requested, and where")
@RequestMapping("/api/v1/targets")
class TargetsApiController {

    private final Catalog catalog;

    TargetsApiController(Catalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping
    @Operation(
            operationId = "listTargets",
            summary = "List the targets",
            security = @SecurityRequirement(name = ApiScopes.SCHEME, scopes = ApiScopes.REQUESTS_READ))
    List<TargetResponse> list() {
        return catalog.targets().stream().map(TargetResponse::of).toList();
    }

    /** The external id stays inside: it is a shared secret with the target account's role. */
    record TargetResponse(
            UUID id, String slug, String name, String accountId, String region, EnvironmentTier environment) {

        static TargetResponse of(TargetDetails target) {
            return new TargetResponse(
                    target.id(),
                    target.slug(),
                    target.name(),
                    target.accountId(),
                    target.region(),
                    target.environment());
        }
    }
}
