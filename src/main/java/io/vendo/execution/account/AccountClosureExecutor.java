package io.vendo.execution.account;

import io.vendo.catalog.AccountRetirement;
import io.vendo.catalog.BlueprintKind;
import io.vendo.catalog.BlueprintVersionDetails;
import io.vendo.execution.ExecutionPhase;
import io.vendo.execution.ExecutionRun;
import io.vendo.execution.Job;
import io.vendo.execution.KindExecutor;
import io.vendo.execution.StepOutcome;
import io.vendo.request.RequestKind;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * DECOMMISSION of ACCOUNT environments whose blueprint says {@link AccountRetirement#CLOSE_ACCOUNT}: Organizations
 * CloseAccount, then DescribeAccount until the account is PENDING_CLOSURE or SUSPENDED. CloseAccount has no token: its
 * intent is recorded before it is sent, and a step that may have sent it before asks DescribeAccount first, so an
 * account that is closing already is not closed again. Organizations' refusals (the monthly quota of closures, an
 * account that may not be closed) fail the request with AWS's reason; a busy organization is waited out.
 */
@Component
class AccountClosureExecutor extends KindExecutor<AccountRetirementSpec> {

    static final String CLOSE_ACCOUNT = "CloseAccount";

    /** What DescribeAccount reports for an account whose closure AWS accepted. */
    private static final Set<String> CLOSING = Set.of("PENDING_CLOSURE", "SUSPENDED", "CLOSED");

    private final AccountRetirer retirer;

    AccountClosureExecutor(AccountRetirer retirer) {
        super("ACCOUNT closure");
        this.retirer = retirer;
        phase(ExecutionPhase.CLOSE_ACCOUNT, this::close);
        phase(ExecutionPhase.AWAIT_ACCOUNT_CLOSURE, this::awaitClosure);
    }

    @Override
    protected boolean handles(BlueprintVersionDetails blueprint) {
        return blueprint.kind() == BlueprintKind.ACCOUNT
                && blueprint.delivery().decommission() == AccountRetirement.CLOSE_ACCOUNT;
    }

    @Override
    protected RequestKind requestKind() {
        return RequestKind.DECOMMISSION;
    }

    @Override
    protected String firstOperation(AccountRetirementSpec spec) {
        return CLOSE_ACCOUNT + " " + spec.accountId();
    }

    @Override
    protected String plan(AccountRetirementSpec spec) {
        return retirer.planClosure(spec);
    }

    private StepOutcome close(AccountRetirementSpec spec, ExecutionRun run) {
        var mayHaveCalled = run.aboutToCall(CLOSE_ACCOUNT);
        if (!mayHaveCalled || !CLOSING.contains(retirer.accountStatus(spec))) {
            retirer.closeAccount(spec);
        }
        run.record("execution.account-closure-requested", Map.of("accountId", spec.accountId()));
        run.moveTo(ExecutionPhase.AWAIT_ACCOUNT_CLOSURE);
        return new StepOutcome.Continue(run.firstPoll());
    }

    private StepOutcome awaitClosure(AccountRetirementSpec spec, ExecutionRun run) {
        var status = retirer.accountStatus(spec);
        run.polled("Account " + status, Map.of("accountId", spec.accountId()));
        if (!CLOSING.contains(status)) {
            return new StepOutcome.Continue(run.nextPoll());
        }
        return new StepOutcome.Succeeded(Map.of("AccountId", spec.accountId(), "AccountStatus", status));
    }

    @Override
    protected AccountRetirementSpec specFor(Job job) {
        return AccountRetirementSpec.of(job);
    }
}
