package io.vendo.execution.account;

import io.vendo.catalog.AccountRetirement;
import io.vendo.catalog.BlueprintKind;
import io.vendo.catalog.BlueprintVersionDetails;
import io.vendo.environment.Environments;
import io.vendo.execution.ExecutionPhase;
import io.vendo.execution.ExecutionRun;
import io.vendo.execution.Job;
import io.vendo.execution.KindExecutor;
import io.vendo.execution.StepOutcome;
import io.vendo.request.RequestKind;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * DECOMMISSION of ACCOUNT environments whose blueprint says {@link AccountRetirement#MOVE_TO_SUSPENDED_OU}: ListParents
 * for where the account is, then MoveAccount into the blueprint's suspended OU unless it is there already. MoveAccount
 * has no token either: where the account is says whether a move that may have been sent took effect, so a restart
 * after the call asks ListParents again and finds it done. The account stays (in the suspended OU): the environment's
 * status reason says so.
 */
@Component
class AccountSuspensionExecutor extends KindExecutor<AccountRetirementSpec> {

    static final String MOVE_ACCOUNT = "MoveAccount";

    private final AccountRetirer retirer;

    AccountSuspensionExecutor(AccountRetirer retirer) {
        super("ACCOUNT suspension");
        this.retirer = retirer;
        phase(ExecutionPhase.MOVE_TO_SUSPENDED_OU, this::move);
    }

    @Override
    protected boolean handles(BlueprintVersionDetails blueprint) {
        return blueprint.kind() == BlueprintKind.ACCOUNT
                && blueprint.delivery().decommission() == AccountRetirement.MOVE_TO_SUSPENDED_OU;
    }

    @Override
    protected RequestKind requestKind() {
        return RequestKind.DECOMMISSION;
    }

    @Override
    protected String firstOperation(AccountRetirementSpec spec) {
        return MOVE_ACCOUNT + " " + spec.accountId() + " to " + spec.suspendedOrganizationalUnit();
    }

    @Override
    protected String plan(AccountRetirementSpec spec) {
        return retirer.planSuspension(spec);
    }

    private StepOutcome move(AccountRetirementSpec spec, ExecutionRun run) {
        var unit = Objects.requireNonNull(spec.suspendedOrganizationalUnit());
        var parent = retirer.parentOf(spec);
        if (!parent.equals(unit)) {
            run.aboutToCall(MOVE_ACCOUNT);
            retirer.moveAccount(spec, parent, unit);
            run.record("execution.account-moved", Map.of("accountId", spec.accountId(), "from", parent, "to", unit));
        }
        return new StepOutcome.Succeeded(Map.of(
                "AccountId",
                spec.accountId(),
                "OrganizationalUnitId",
                unit,
                Environments.KEPT,
                "Account %s, moved to the suspended OU %s: it still exists until someone closes it in AWS Organizations"
                        .formatted(spec.accountId(), unit)));
    }

    @Override
    protected AccountRetirementSpec specFor(Job job) {
        return AccountRetirementSpec.of(job);
    }
}
