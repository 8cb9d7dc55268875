package io.vendo.execution;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code vendo.execution.admission}: how many AWS operations may run at once. A request takes a slot
 * in every scope it touches before its first AWS call and holds it until it ends; beyond a limit it waits in the
 * queue.
 *
 * @param global operations in flight across all services and accounts
 * @param perRegion operations in flight per region, across services and accounts (the region of the target, where the
 *     calls go); by default as many as {@code global}, lower it to spare a region
 * @param cloudFormationPerAccount stack and StackSet operations in flight per account
 * @param accountOperations account operations in flight per management account (Control Tower allows 5)
 * @param serviceCatalogPerAccount provisioned-product operations in flight per account
 * @param perStackSet operations in flight per StackSet (CloudFormation runs one at a time)
 * @param recheckInterval how long queued work waits before it looks again on its own; a released slot wakes the next
 *     request at once, so this only matters if that wake-up was missed
 * @param scanWindow how many queued requests one admission pass considers, oldest first
 */
@ConfigurationProperties("vendo.execution.admission")
record AdmissionProperties(
        @DefaultValue("50") int global,
        @DefaultValue("50") int perRegion,
        @DefaultValue("20") int cloudFormationPerAccount,
        @DefaultValue("5") int accountOperations,
        @DefaultValue("20") int serviceCatalogPerAccount,
        @DefaultValue("1") int perStackSet,
        @DefaultValue("60s") Duration recheckInterval,
        @DefaultValue("500") int scanWindow) {}
