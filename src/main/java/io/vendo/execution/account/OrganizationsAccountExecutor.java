package io.vendo.execution.account;

import io.vendo.catalog.BlueprintVersionDetails;
import io.vendo.catalog.Delivery;
import io.vendo.execution.ExecutionPhase;
import io.vendo.execution.ExecutionRun;
import io.vendo.execution.Job;
import io.vendo.execution.KindExecutor;
import io.vendo.execution.StepOutcome;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * ACCOUNT requests through AWS Organizations: CreateAccount, DescribeCreateAccountStatus until it SUCCEEDED or FAILED,
 * then MoveAccount from the root into the requested organizational unit. CreateAccount has no token, so its intent is
 * recorded before it is sent, the SDK never retries it, and before it is ever sent again the executor looks for the
 * account by e-mail (ListAccounts) and for a creation in progress (ListCreateAccountStatus). CreateAccount tags the
 * account with the request id: an account found by a lookup is this request's only with that tag, and no account is
 * moved without it, so an account of the organization that Vendo did not create is never taken over.
 */
@Component
class OrganizationsAccountExecutor extends KindExecutor<AccountSpec> {

    static final String CREATE_ACCOUNT = "CreateAccount";
    static final String MOVE_ACCOUNT = "MoveAccount";

    private final AccountProvisioner provisioner;

    OrganizationsAccountExecutor(AccountProvisioner provisioner) {
        super("Organizations");
        this.provisioner = provisioner;
        phase(ExecutionPhase.CREATE_ACCOUNT, this::createAccount);
        phase(ExecutionPhase.AWAIT_ACCOUNT, this::awaitAccount);
        phase(ExecutionPhase.MOVE_ACCOUNT, this::move);
    }

    @Override
    protected boolean handles(BlueprintVersionDetails blueprint) {
        return blueprint.delivery() instanceof Delivery.OrganizationsAccount;
    }

    @Override
    protected String firstOperation(AccountSpec spec) {
        return CREATE_ACCOUNT + " " + spec.shown(AccountSpec.ACCOUNT_EMAIL);
    }

    @Override
    protected String plan(AccountSpec spec) {
        return provisioner.plan(spec);
    }

    private StepOutcome createAccount(AccountSpec spec, ExecutionRun run) {
        var creation = run.aboutToCall(CREATE_ACCOUNT)
                ? provisioner.findAccount(spec).orElseGet(() -> provisioner.createAccount(spec))
                : provisioner.createAccount(spec);
        if (creation.creationId() != null) {
            run.remember("CreateAccountRequestId", creation.creationId());
        }
        run.record(
                "execution.account-requested",
                Map.of("email", spec.shown(AccountSpec.ACCOUNT_EMAIL), "name", spec.shown(AccountSpec.ACCOUNT_NAME)));
        return afterCreation(creation, run);
    }

    private StepOutcome awaitAccount(AccountSpec spec, ExecutionRun run) {
        var creation = provisioner.describeCreation(spec, run.requireAwsId("CreateAccountRequestId"));
        run.polled("CreateAccount " + creation.state(), Map.of());
        return afterCreation(creation, run);
    }

    private StepOutcome afterCreation(AccountProvisioner.AccountCreation creation, ExecutionRun run) {
        switch (creation.state()) {
            case "SUCCEEDED" -> {
                var accountId = creation.accountId();
                if (accountId == null) {
                    return new StepOutcome.Failed("CreateAccount SUCCEEDED without an account id");
                }
                run.remember("AccountId", accountId);
                run.record("execution.account-created", Map.of("accountId", accountId));
                run.moveTo(ExecutionPhase.MOVE_ACCOUNT);
                return StepOutcome.now();
            }
            case "FAILED" -> {
                return new StepOutcome.Failed("CreateAccount FAILED: " + creation.failureReason());
            }
            default -> {
                if (run.phase() == ExecutionPhase.AWAIT_ACCOUNT) {
                    return new StepOutcome.Continue(run.nextAccountPoll());
                }
                run.moveTo(ExecutionPhase.AWAIT_ACCOUNT);
                return new StepOutcome.Continue(run.firstAccountPoll());
            }
        }
    }

    private StepOutcome move(AccountSpec spec, ExecutionRun run) {
        var accountId = run.requireAwsId("AccountId");
        // Whatever found the account (this request's CreateAccount, or a lookup after a lost response), Vendo moves
        // only an account whose CreateAccount this request sent: its tag says so.
        if (!provisioner.createdFor(spec, accountId)) {
            return new StepOutcome.Failed(
                    "Account %s does not carry this request's tag vendo:request-id=%s: Vendo did not create it for"
                                    .formatted(accountId, spec.requestId())
                            + " this request, so it neither adopts nor moves it");
        }
        var unitId = spec.organizationalUnit();
        // MoveAccount has no token either: where the account is now says whether the move happened.
        var parent = provisioner.parentOf(spec, accountId);
        if (!parent.equals(unitId)) {
            run.aboutToCall(MOVE_ACCOUNT);
            provisioner.moveAccount(spec, accountId, parent, unitId);
            run.record(
                    "execution.account-moved",
                    Map.of("from", parent, "to", spec.shown(AccountSpec.ORGANIZATIONAL_UNIT)));
        }
        var outputs = new LinkedHashMap<String, String>();
        outputs.put("AccountId", accountId);
        outputs.put("AccountEmail", spec.shown(AccountSpec.ACCOUNT_EMAIL));
        outputs.put("OrganizationalUnitId", spec.shown(AccountSpec.ORGANIZATIONAL_UNIT));
        outputs.put("ExecutionRoleArn", provisioner.executionRoleArn(spec, accountId));
        return new StepOutcome.Succeeded(outputs);
    }

    @Override
    protected AccountSpec specFor(Job job) {
        var delivery = (Delivery.OrganizationsAccount) job.blueprint().delivery();
        return new AccountSpec(
                job.requestId(), job.parameters(), delivery.executionRoleName(), job.tags(), job.target());
    }
}
