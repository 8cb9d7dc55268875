package io.vendo.approval;

import io.vendo.refusal.Refusal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.modulith.NamedInterface;

/** An approval policy that cannot be removed or applied as asked. */
@NamedInterface(name = "policies", propagate = false)
public class PolicyRefusedException extends Refusal {

    private PolicyRefusedException(Kind kind, String title, String detail, Map<String, ?> facts) {
        super(kind, title, detail, facts);
    }

    static PolicyRefusedException unknown(UUID id) {
        return new PolicyRefusedException(
                Kind.NOT_FOUND, "Unknown policy", "No approval policy %s".formatted(id), Map.of());
    }

    static PolicyRefusedException noRequirement() {
        return new PolicyRefusedException(
                Kind.INVALID,
                "Invalid policy",
                "A policy that does not approve automatically needs at least one requirement",
                Map.of());
    }

    static PolicyRefusedException defaultPolicy() {
        return new PolicyRefusedException(
                Kind.INVALID, "Default policy", "The default policy cannot be removed; change it instead", Map.of());
    }

    /** Blueprints name the policy: their requests would have no policy to be decided by. */
    static PolicyRefusedException inUse(String policy, List<String> blueprints) {
        return new PolicyRefusedException(
                Kind.CONFLICT,
                "Policy in use",
                "Policy '%s' is named by blueprint(s) %s: name another policy on them first"
                        .formatted(policy, String.join(", ", blueprints)),
                Map.of("blueprints", blueprints));
    }

    /** A blueprint names a policy that no longer exists: never fall back to a laxer one. */
    static PolicyRefusedException vanished(String blueprint, String policy) {
        return new PolicyRefusedException(
                Kind.CONFLICT,
                "Unknown approval policy",
                "Blueprint %s names approval policy '%s', which does not exist; an admin must fix the blueprint"
                        .formatted(blueprint, policy),
                Map.of());
    }
}
