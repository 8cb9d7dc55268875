package io.vendo.environment;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * What stands in AWS for an environment, as its last request that changed AWS left it.
 *
 * @param parameters as shown: NoEcho values are {@code ****}; the values themselves stay encrypted on the requests
 * @param outputs what AWS reported
 * @param handles what AWS knows it by: StackId, ProvisionedProductId, AccountId, StackSetName with its accounts and
 *     regions
 */
@Embeddable
record Deployment(
        @JdbcTypeCode(SqlTypes.JSON) @Column(name = "parameters", nullable = false) Map<String, String> parameters,
        @JdbcTypeCode(SqlTypes.JSON) @Column(name = "outputs", nullable = false) Map<String, String> outputs,
        @JdbcTypeCode(SqlTypes.JSON) @Column(name = "handles", nullable = false) Map<String, String> handles) {

    Deployment {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        outputs = Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
        handles = Collections.unmodifiableMap(new LinkedHashMap<>(handles));
    }
}
