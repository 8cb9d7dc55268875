package io.vendo.web;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;

/**
 * What the API document says alike about every operation that takes an {@link IdempotentCalls#HEADER} header, because
 * {@link IdempotentCalls} answers alike for all of them: the header itself, the {@code Location} and
 * {@code Idempotent-Replayed} headers of its success response, 409 while the first call with the key runs, 422 for the
 * key reused with another body, and 400 for several keys. A controller documents only what is particular to it; where
 * it documents a 400 or 409 of its own, the key's reason is added to its description.
 */
@Component
class IdempotentOperations implements OperationCustomizer {

    static final String HEADER_DESCRIPTION =
            "Makes retries safe: 1 to 255 characters, unique per intended request; kept for 24 hours per caller";

    static final String LOCATION_DESCRIPTION = "What was created, as a path on this portal";

    static final String REPLAYED_DESCRIPTION =
            "`true` when this is the stored response of an earlier call with the same key";

    private static final String REPLAY_NOTE = " A replay of an earlier response carries `Idempotent-Replayed: true`.";

    private static final Reason IN_FLIGHT = new Reason(
            "409",
            "A call with the same `Idempotency-Key` is still being processed; retry shortly",
            "a call with the same `Idempotency-Key` is still being processed (retry shortly)");

    private static final Reason REUSED = new Reason(
            "422",
            "The `Idempotency-Key` was already used (within 24 hours) with a different body",
            "the `Idempotency-Key` was already used (within 24 hours) with a different body");

    private static final Reason SEVERAL_KEYS = new Reason(
            "400",
            ApiDocumentation.INVALID_INPUT + "; or more than one `Idempotency-Key` header",
            "more than one `Idempotency-Key` header");

    @Override
    public Operation customize(Operation operation, HandlerMethod handlerMethod) {
        var key = keyHeader(operation);
        if (key == null) {
            return operation;
        }
        key.description(HEADER_DESCRIPTION);
        if (key.getSchema() != null) {
            key.getSchema().minLength(1).maxLength(255);
        }
        operation.getResponses().forEach((status, response) -> {
            if (status.startsWith("2")) {
                describeSuccess(status, response);
            }
        });
        for (var reason : List.of(IN_FLIGHT, REUSED, SEVERAL_KEYS)) {
            reason.addTo(operation);
        }
        return operation;
    }

    private static @Nullable Parameter keyHeader(Operation operation) {
        if (operation.getParameters() == null) {
            return null;
        }
        return operation.getParameters().stream()
                .filter(parameter -> "header".equals(parameter.getIn()))
                .filter(parameter -> IdempotentCalls.HEADER.equalsIgnoreCase(parameter.getName()))
                .findFirst()
                .orElse(null);
    }

    /** A 201 says where what it created is; a 200 (a request moved on, such as an abandonment) created nothing. */
    private static void describeSuccess(String status, ApiResponse response) {
        if (status.equals("201")
                && (response.getHeaders() == null || !response.getHeaders().containsKey(HttpHeaders.LOCATION))) {
            response.addHeaderObject(HttpHeaders.LOCATION, header(LOCATION_DESCRIPTION, "string"));
        }
        response.addHeaderObject(IdempotentCalls.REPLAYED, header(REPLAYED_DESCRIPTION, "boolean"));
        var description = response.getDescription();
        if (description != null && !description.contains(IdempotentCalls.REPLAYED)) {
            response.setDescription((description.endsWith(".") ? description : description + ".") + REPLAY_NOTE);
        }
    }

    private static Header header(String description, String type) {
        return new Header()
                .description(description)
                .style(Header.StyleEnum.SIMPLE)
                .schema(new Schema<>().type(type).types(Set.of(type)));
    }

    /**
     * A refusal the key brings: documented alone when the operation has no answer with that status, else added to the
     * operation's own description of it.
     */
    private record Reason(String status, String alone, String added) {

        void addTo(Operation operation) {
            var existing = operation.getResponses().get(status);
            if (existing == null) {
                operation.getResponses().addApiResponse(status, ApiDocumentation.problem(alone));
            } else if (!existing.getDescription().contains(IdempotentCalls.HEADER)) {
                existing.setDescription(existing.getDescription() + "; or " + added);
            }
        }
    }
}
