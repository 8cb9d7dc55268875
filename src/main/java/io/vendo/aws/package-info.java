/**
 * AWS through the SDK v2: implements the execution module's ports on CloudFormation (change sets, StackSets), Service
 * Catalog and Organizations, assumes each target's role through STS, and decides at start-up whether Vendo runs live
 * or in dry-run mode. Reads retry in the SDK; mutating calls do not, so a lost response goes back to the executor,
 * which looks up what AWS has before it calls again.
 */
@ApplicationModule(
        displayName = "AWS",
        allowedDependencies = {
            "execution::provisioning",
            "execution::stack",
            "execution::account",
            "execution::product",
            "execution::stackset",
            "catalog",
            "catalog::blueprints",
            "catalog::targets",
            "catalog::ports",
            "request::ports",
            "environment::drift",
            "web"
        })
@NullMarked
package io.vendo.aws;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
