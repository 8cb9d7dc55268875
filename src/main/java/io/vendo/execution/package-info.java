/**
 * Executes approved requests against AWS, durably: a db-scheduler task per request does one short step per run
 * (submit, or poll) and reschedules itself, so no thread waits on AWS and a restarted or second replica carries on
 * where the first stopped. It owns the ports ({@link io.vendo.execution.StackProvisioner}) that the {@code aws}
 * module implements.
 */
@ApplicationModule(displayName = "Execution")
package io.vendo.execution;

import org.springframework.modulith.ApplicationModule;
