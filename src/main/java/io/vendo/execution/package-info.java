/**
 * Executes approved requests against AWS, durably: a db-scheduler task per request does one short step per run
 * (submit, or poll) and reschedules itself, so no thread waits on AWS and a restarted or second replica carries on
 * where the first stopped. One executor per blueprint kind (STACK through change sets, SERVICE_CATALOG_PRODUCT and
 * Account Factory accounts through Service Catalog, accounts through Organizations, STACK_SET instances) works behind
 * the ports this module owns ({@link io.vendo.execution.StackProvisioner}, {@link io.vendo.execution.ProductProvisioner},
 * {@link io.vendo.execution.AccountProvisioner}, {@link io.vendo.execution.StackSetProvisioner}), which the {@code aws}
 * module implements. Without AWS, every executor renders its calls and the request ends in DRY_RUN.
 */
@ApplicationModule(displayName = "Execution")
package io.vendo.execution;

import org.springframework.modulith.ApplicationModule;
