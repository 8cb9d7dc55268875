package io.vendo.environment;

import io.vendo.request.RequestView;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * What stands in AWS for an environment, as its last request that changed AWS left it.
 *
 * @param parametersFrom that request, whose parameter values it runs with: its PROVISION request, or its last UPDATE.
 *     An UPDATE keeps the NoEcho values sealed there unless they are entered again.
 * @param parameters as shown: NoEcho values are {@code ****}; the values themselves stay encrypted on the requests
 * @param outputs what AWS reported
 * @param handles what AWS knows it by: StackId, ProvisionedProductId, AccountId, StackSetName with its accounts and
 *     regions
 */
@Embeddable
record Deployment(
        @Column(name = "parameters_from", nullable = false) UUID parametersFrom,
        @JdbcTypeCode(SqlTypes.JSON) @Column(name = "parameters", nullable = false) Map<String, String> parameters,
        @JdbcTypeCode(SqlTypes.JSON) @Column(name = "outputs", nullable = false) Map<String, String> outputs,
        @JdbcTypeCode(SqlTypes.JSON) @Column(name = "handles", nullable = false) Map<String, String> handles) {

    Deployment {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        outputs = Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
        handles = Collections.unmodifiableMap(new LinkedHashMap<>(handles));
    }

    /** The parameters whose values these change; a NoEcho value entered again counts as changed. */
    List<String> changedBy(Map<String, String> values) {
        return values.entrySet().stream()
                .filter(entry -> !entry.getValue().equals(parameters.get(entry.getKey()))
                        || RequestView.MASK.equals(entry.getValue()))
                .map(Map.Entry::getKey)
                .toList();
    }

    /** What an update left: its parameter values and outputs, the handles it added or replaced beside the others. */
    Deployment updatedTo(RequestView update, Map<String, String> newOutputs, Map<String, String> newHandles) {
        var merged = new LinkedHashMap<>(handles);
        merged.putAll(newHandles);
        return new Deployment(update.id(), update.parameters(), newOutputs, merged);
    }
}
