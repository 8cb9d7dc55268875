package io.vendo.support;

import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Approved requests of the demo blueprint written straight into a portal database, with their execution task due:
 * what the executor finds after approvals, without spending the approval workflow on hundreds of requests. Needs a
 * database that a worker has migrated and seeded with the demo catalog.
 */
public final class ApprovedRequestSeeder {

    private static final String BLUEPRINT = "static-website";
    private final JdbcTemplate jdbc;

    public ApprovedRequestSeeder(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /** A target in the account whose role the CloudFormation simulator maps back to the account. */
    public String target(String account) {
        var slug = "sim-" + account;
        jdbc.update(
                """
                insert into target (id, slug, name, account_id, region, environment, execution_role_arn, external_id,
                                    created_at, version)
                values (?, ?, ?, ?, 'eu-west-1', 'DEV', ?, null, now(), 0) on conflict (slug) do nothing""",
                UUID.randomUUID(),
                slug,
                "Simulated " + account,
                account,
                "arn:aws:iam::" + account + ":role/VendoExecution");
        return slug;
    }

    /** @return the ids of {@code count} new approved requests for the target, each with its task due now */
    public List<UUID> approved(int count, String targetSlug, String namePrefix) {
        return approved(count, targetSlug, namePrefix, BLUEPRINT, null, Instant.now());
    }

    /** @return the ids of {@code count} new approved requests for the target, each with its task due then */
    public List<UUID> approved(int count, String targetSlug, String namePrefix, Instant due) {
        return approved(count, targetSlug, namePrefix, BLUEPRINT, null, due);
    }

    /**
     * @param blueprint a blueprint of the demo catalog
     * @param parameters the requests' parameters as JSON; none: the static website's {@code SiteName}, from the prefix
     * @return the ids of {@code count} new approved requests for the target, each with its task due now
     */
    public List<UUID> approved(
            int count, String targetSlug, String namePrefix, String blueprint, @Nullable String parameters) {
        return approved(count, targetSlug, namePrefix, blueprint, parameters, Instant.now());
    }

    /**
     * @param blueprint a blueprint of the demo catalog
     * @param parameters the requests' parameters as JSON; none: the static website's {@code SiteName}, from the prefix
     * @param due when the requests' execution tasks are due
     * @return the ids of {@code count} new approved requests for the target
     */
    public List<UUID> approved(
            int count,
            String targetSlug,
            String namePrefix,
            String blueprint,
            @Nullable String parameters,
            Instant due) {
        // The demo catalog is loaded just after the worker started.
        await().atMost(Duration.ofSeconds(60))
                .until(() ->
                        jdbc.queryForObject("select count(*) from blueprint where slug = ?", Integer.class, blueprint)
                                > 0);
        var version = jdbc.queryForMap(
                """
                select v.id, b.name, v.number from blueprint_version v join blueprint b on b.id = v.blueprint_id
                where b.slug = ? order by v.number desc limit 1""",
                blueprint);
        var target = jdbc.queryForMap("select id, name from target where slug = ?", targetSlug);
        var now = Timestamp.from(Instant.now());
        var ids = new ArrayList<UUID>();
        var requests = new ArrayList<Object[]>();
        var tasks = new ArrayList<Object[]>();
        for (int i = 0; i < count; i++) {
            var id = UUID.randomUUID();
            ids.add(id);
            requests.add(new Object[] {
                id,
                version.get("id"),
                blueprint,
                version.get("name"),
                version.get("number"),
                target.get("id"),
                targetSlug,
                target.get("name"),
                parameters != null ? parameters : "{\"SiteName\": \"%s-%d\"}".formatted(namePrefix, i),
                now,
                now
            });
            tasks.add(new Object[] {id.toString(), Timestamp.from(due)});
        }
        jdbc.batchUpdate(
                """
                insert into vending_request (id, kind, state, blueprint_version_id, blueprint_slug, blueprint_name,
                    blueprint_version, target_id, target_slug, target_name, parameters, justification, requester, team,
                    outputs, submitted_at, updated_at, version)
                values (?, 'PROVISION', 'APPROVED', ?, ?, ?, ?, ?, ?, ?, ?::jsonb, 'Seeded for an execution test',
                    'requester', 'web-team', '{}'::jsonb, ?, ?, 0)""",
                requests);
        jdbc.batchUpdate(
                """
                insert into scheduled_tasks (task_name, task_instance, execution_time, picked, version)
                values ('request-execution', ?, ?, false, 1)""",
                tasks);
        return ids;
    }

    /**
     * An approved DECOMMISSION request of the environment that the PROVISION request made, the environment busy with
     * it (as filing makes it), and its execution task due now.
     *
     * @return the new request's id
     */
    public UUID decommissionApproved(UUID provisionRequest) {
        var environment = jdbc.queryForMap(
                "select id, blueprint_version_id, target_id from environment where provisioned_by = ?",
                provisionRequest);
        var id = UUID.randomUUID();
        var now = Timestamp.from(Instant.now());
        jdbc.update(
                """
                insert into vending_request (id, kind, state, environment_id, blueprint_version_id, blueprint_slug,
                    blueprint_name, blueprint_version, target_id, target_slug, target_name, parameters, justification,
                    requester, team, outputs, submitted_at, updated_at, version)
                select ?, 'DECOMMISSION', 'APPROVED', ?, r.blueprint_version_id, r.blueprint_slug, r.blueprint_name,
                    r.blueprint_version, r.target_id, r.target_slug, r.target_name, '{}'::jsonb,
                    'Seeded for an execution test', 'requester', 'web-team', '{}'::jsonb, ?, ?, 0
                from vending_request r where r.id = ?""",
                id,
                environment.get("id"),
                now,
                now,
                provisionRequest);
        jdbc.update("update environment set busy_with = ? where id = ?", id, environment.get("id"));
        jdbc.update(
                """
                insert into scheduled_tasks (task_name, task_instance, execution_time, picked, version)
                values ('request-execution', ?, ?, false, 1)""",
                id.toString(),
                now);
        return id;
    }

    /**
     * An ACCOUNT environment of the demo's team account (Account Factory), as its succeeded PROVISION request left it:
     * the account's id and provisioned product among its handles.
     *
     * @return the PROVISION request's id
     */
    public UUID accountEnvironment(String targetSlug, String accountId) {
        await().atMost(Duration.ofSeconds(60))
                .until(() ->
                        jdbc.queryForObject("select count(*) from blueprint where slug = 'team-account'", Integer.class)
                                > 0);
        var version = jdbc.queryForMap(
                """
                select v.id, b.name, v.number from blueprint_version v join blueprint b on b.id = v.blueprint_id
                where b.slug = 'team-account' order by v.number desc limit 1""");
        var target = jdbc.queryForMap("select id, name, environment from target where slug = ?", targetSlug);
        var request = UUID.randomUUID();
        var now = Timestamp.from(Instant.now());
        jdbc.update(
                """
                insert into vending_request (id, kind, state, blueprint_version_id, blueprint_slug, blueprint_name,
                    blueprint_version, target_id, target_slug, target_name, parameters, justification, requester, team,
                    outputs, submitted_at, updated_at, version)
                values (?, 'PROVISION', 'SUCCEEDED', ?, 'team-account', ?, ?, ?, ?, ?,
                    '{"AccountName": "Seeded", "AccountEmail": "seeded@example.com"}'::jsonb, 'Seeded for an execution test',
                    'requester', 'web-team', jsonb_build_object('AccountId', ?::text), ?, ?, 0)""",
                request,
                version.get("id"),
                version.get("name"),
                version.get("number"),
                target.get("id"),
                targetSlug,
                target.get("name"),
                accountId,
                now,
                now);
        jdbc.update(
                """
                insert into environment (id, provisioned_by, parameters_from, blueprint_slug, blueprint_name,
                    blueprint_kind, blueprint_version_id, blueprint_version, target_id, target_slug, target_name, tier,
                    owner, team,
                    parameters, outputs, handles, status, expiry_paused, reminders_sent, history, created_at,
                    updated_at, version)
                values (?, ?, ?, 'team-account', ?, 'ACCOUNT', ?, ?, ?, ?, ?, ?, 'requester', 'web-team',
                    '{"AccountName": "Seeded", "AccountEmail": "seeded@example.com"}'::jsonb,
                    jsonb_build_object('AccountId', ?::text),
                    jsonb_build_object('AccountId', ?::text, 'ProvisionedProductId', 'pp-seeded'), 'ACTIVE', false,
                    '[]'::jsonb, '[]'::jsonb, ?, ?, 0)""",
                UUID.randomUUID(),
                request,
                request,
                version.get("name"),
                version.get("id"),
                version.get("number"),
                target.get("id"),
                targetSlug,
                target.get("name"),
                target.get("environment"),
                accountId,
                accountId,
                now,
                now);
        return request;
    }

    /**
     * A drift check of the environment that the PROVISION request made, requested on demand by its owner, with its
     * task due now (what {@code POST /api/v1/environments/{id}/drift-checks} stores).
     *
     * @return the check's id
     */
    public UUID driftCheckRequested(UUID provisionRequest) {
        var environment = jdbc.queryForMap(
                "select id, handles ->> 'StackId' as stack_id from environment where provisioned_by = ?",
                provisionRequest);
        var id = UUID.randomUUID();
        var now = Timestamp.from(Instant.now());
        jdbc.update(
                """
                insert into drift_check (id, environment_id, trigger, requested_by, state, stack_id, drifted_resources,
                    polls, failed_attempts, requested_at, updated_at, version)
                values (?, ?, 'ON_DEMAND', 'requester', 'REQUESTED', ?, '[]'::jsonb, 0, 0, ?, ?, 0)""",
                id,
                environment.get("id"),
                environment.get("stack_id"),
                now,
                now);
        jdbc.update(
                """
                insert into scheduled_tasks (task_name, task_instance, execution_time, picked, version)
                values ('drift-check', ?, ?, false, 1)""",
                id.toString(),
                now);
        return id;
    }

    /**
     * An UPDATE request of the environment that the PROVISION request made, waiting for approval with its preview
     * being computed (as filing makes it): the environment busy with it, its preview task due now.
     *
     * @param parameters the new values as JSON, every parameter the blueprint's version has
     * @return the new request's id
     */
    public UUID updateFiled(UUID provisionRequest, String parameters) {
        var environment = jdbc.queryForMap("select id from environment where provisioned_by = ?", provisionRequest);
        var id = UUID.randomUUID();
        var now = Timestamp.from(Instant.now());
        jdbc.update(
                """
                insert into vending_request (id, kind, state, environment_id, blueprint_version_id, blueprint_slug,
                    blueprint_name, blueprint_version, target_id, target_slug, target_name, parameters, justification,
                    requester, team, outputs, preview_pending, submitted_at, updated_at, version)
                select ?, 'UPDATE', 'PENDING_APPROVAL', ?, r.blueprint_version_id, r.blueprint_slug, r.blueprint_name,
                    r.blueprint_version, r.target_id, r.target_slug, r.target_name, ?::jsonb,
                    'Seeded for an execution test', 'requester', 'web-team', '{}'::jsonb, true, ?, ?, 0
                from vending_request r where r.id = ?""",
                id,
                environment.get("id"),
                parameters,
                now,
                now,
                provisionRequest);
        jdbc.update("update environment set busy_with = ? where id = ?", id, environment.get("id"));
        jdbc.update(
                """
                insert into scheduled_tasks (task_name, task_instance, execution_time, picked, version)
                values ('request-preview', ?, ?, false, 1)""",
                id.toString(),
                now);
        return id;
    }

    /** Approves a request that waits for approval (as its approval's last decision does), its execution due now. */
    public void approve(UUID request) {
        var now = Timestamp.from(Instant.now());
        jdbc.update(
                "update vending_request set state = 'APPROVED', updated_at = ?, version = version + 1 where id = ?",
                now,
                request);
        jdbc.update(
                """
                insert into scheduled_tasks (task_name, task_instance, execution_time, picked, version)
                values ('request-execution', ?, ?, false, 1)""",
                request.toString(),
                now);
    }

    /** How many of the requests are in each state. */
    public Map<String, Long> states(List<UUID> ids) {
        return jdbc
                .queryForList(
                        "select state, count(*) as n from vending_request where id = any(?::uuid[]) group by state",
                        ids.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}")))
                .stream()
                .collect(
                        Collectors.toMap(row -> (String) row.get("state"), row -> ((Number) row.get("n")).longValue()));
    }

    public JdbcTemplate jdbc() {
        return jdbc;
    }
}
