package io.vendo.request.api;

import io.vendo.identity.Actor;
import io.vendo.request.Requests;
import io.vendo.request.SubmitRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@RequestMapping("/api/v1/requests")
class RequestsApiController {

    private final Requests requests;

    RequestsApiController(Requests requests) {
        this.requests = requests;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<RequestResponse> submit(@Valid @RequestBody CreateRequestBody body, Actor actor) {
        var submitted = requests.submit(
                new SubmitRequest(
                        body.blueprint(),
                        body.target(),
                        body.parameters() == null ? Map.of() : body.parameters(),
                        body.justification()),
                actor);
        var location = ServletUriComponentsBuilder.fromCurrentRequest()
                .path("/{id}")
                .buildAndExpand(submitted.id())
                .toUri();
        return ResponseEntity.created(location).body(RequestResponse.of(submitted));
    }

    @GetMapping("/{id}")
    RequestResponse get(@PathVariable UUID id, Actor actor) {
        return RequestResponse.of(requests.get(id, actor));
    }

    /**
     * @param blueprint the blueprint's slug, as listed by {@code GET /api/v1/blueprints}
     * @param target the target's slug, as listed by {@code GET /api/v1/targets}
     * @param parameters template parameter values by name; omitted ones take the template's default
     * @param justification why this is needed; shown to approvers
     */
    record CreateRequestBody(
            @NotBlank String blueprint,
            @NotBlank String target,
            @Nullable Map<String, String> parameters,
            @NotBlank @Size(max = 2000) String justification) {}
}
