package io.vendo.environment;

import io.vendo.catalog.BlueprintKind;
import io.vendo.refusal.Refusal;
import java.util.Map;
import java.util.UUID;

/** A drift check that may not be requested now: nothing is stored. */
public class DriftCheckRefusedException extends Refusal {

    private DriftCheckRefusedException(Kind kind, String title, String detail, Map<String, ?> facts) {
        super(kind, title, detail, facts);
    }

    static DriftCheckRefusedException notAStack(UUID environment, BlueprintKind kind) {
        return new DriftCheckRefusedException(
                Kind.CONFLICT,
                "No drift to check",
                "Environment %s is a %s environment: CloudFormation detects drift of stacks (STACK environments) only"
                        .formatted(environment, kind),
                Map.of("blueprintKind", kind.name()));
    }

    static DriftCheckRefusedException notStanding(UUID environment, EnvironmentStatus status) {
        return new DriftCheckRefusedException(
                Kind.CONFLICT,
                "Not possible now",
                "Environment %s is %s: drift is checked for ACTIVE and DRIFTED environments"
                        .formatted(environment, status),
                Map.of("status", status.name()));
    }

    static DriftCheckRefusedException busy(UUID environment, UUID request) {
        return new DriftCheckRefusedException(
                Kind.CONFLICT,
                "Environment busy",
                "Environment %s is busy with request %s, which changes it: check its drift once that ends"
                        .formatted(environment, request),
                Map.of("busyWith", request.toString()));
    }
}
