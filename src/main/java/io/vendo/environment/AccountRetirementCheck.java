package io.vendo.environment;

import io.vendo.catalog.BlueprintKind;
import io.vendo.catalog.Catalog;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Whether Vendo may decommission an environment's AWS account: only as its blueprint version says (its delivery's
 * {@code decommission}); a version that says nothing is refused, never closed or moved by a guess. It answers with the
 * refusal instead of throwing it, so that the lease's clock can pass over such an account inside its transaction.
 */
@Component
class AccountRetirementCheck {

    private final Catalog catalog;

    AccountRetirementCheck(Catalog catalog) {
        this.catalog = catalog;
    }

    /** @return the refusal for an account whose blueprint version does not say how it is retired; else empty */
    Optional<DayTwoRefusedException> refusal(Environment environment) {
        var version = catalog.version(environment.origin().blueprintVersionId());
        if (version.kind() == BlueprintKind.ACCOUNT && version.delivery().decommission() == null) {
            return Optional.of(
                    DayTwoRefusedException.retirementUnset(environment.id(), version.slug(), version.number()));
        }
        return Optional.empty();
    }
}
