package io.vendo.support;

import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
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
        var subject = latestVersion(blueprint, targetSlug);
        var requests = new LinkedHashMap<UUID, String>();
        for (int i = 0; i < count; i++) {
            requests.put(
                    UUID.randomUUID(),
                    parameters != null ? parameters : "{\"SiteName\": \"%s-%d\"}".formatted(namePrefix, i));
        }
        var now = Timestamp.from(Instant.now());
        insertRequests("PROVISION", "APPROVED", subject, null, requests, "{}", false, now);
        schedule("request-execution", requests.keySet(), Timestamp.from(due));
        return List.copyOf(requests.keySet());
    }

    /**
     * An approved DECOMMISSION request of the environment that the PROVISION request made, the environment busy with
     * it (as filing makes it), and its execution task due now.
     *
     * @return the new request's id
     */
    public UUID decommissionApproved(UUID provisionRequest) {
        return dayTwo(provisionRequest, "DECOMMISSION", "APPROVED", "{}", false, "request-execution");
    }

    /**
     * An ACCOUNT environment of the demo's team account (Account Factory), as its succeeded PROVISION request left it:
     * the account's id and provisioned product among its handles.
     *
     * @return the PROVISION request's id
     */
    public UUID accountEnvironment(String targetSlug, String accountId) {
        var subject = latestVersion("team-account", targetSlug);
        var tier = jdbc.queryForObject("select environment from target where slug = ?", String.class, targetSlug);
        var request = UUID.randomUUID();
        var now = Timestamp.from(Instant.now());
        var parameters = "{\"AccountName\": \"Seeded\", \"AccountEmail\": \"seeded@example.com\"}";
        var outputs = "{\"AccountId\": \"%s\"}".formatted(accountId);
        insertRequests("PROVISION", "SUCCEEDED", subject, null, Map.of(request, parameters), outputs, false, now);
        jdbc.update(
                """
                insert into environment (id, provisioned_by, parameters_from, blueprint_slug, blueprint_name,
                    blueprint_kind, blueprint_version_id, blueprint_version, target_id, target_slug, target_name, tier,
                    owner, team,
                    parameters, outputs, handles, status, expiry_paused, reminders_sent, history, created_at,
                    updated_at, version)
                values (?, ?, ?, 'team-account', ?, 'ACCOUNT', ?, ?, ?, ?, ?, ?, 'requester', 'web-team',
                    ?::jsonb, ?::jsonb,
                    jsonb_build_object('AccountId', ?::text, 'ProvisionedProductId', 'pp-seeded'), 'ACTIVE', false,
                    '[]'::jsonb, '[]'::jsonb, ?, ?, 0)""",
                UUID.randomUUID(),
                request,
                request,
                subject.blueprintName(),
                subject.versionId(),
                subject.blueprintVersion(),
                subject.targetId(),
                targetSlug,
                subject.targetName(),
                tier,
                parameters,
                outputs,
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
        schedule("drift-check", List.of(id), now);
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
        return dayTwo(provisionRequest, "UPDATE", "PENDING_APPROVAL", parameters, true, "request-preview");
    }

    /** Approves a request that waits for approval (as its approval's last decision does), its execution due now. */
    public void approve(UUID request) {
        var now = Timestamp.from(Instant.now());
        jdbc.update(
                "update vending_request set state = 'APPROVED', updated_at = ?, version = version + 1 where id = ?",
                now,
                request);
        schedule("request-execution", List.of(request), now);
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

    /** What requests are of, as vending_request copies it: a blueprint's version and a target. */
    private record Subject(
            Object versionId,
            String blueprintSlug,
            Object blueprintName,
            Object blueprintVersion,
            Object targetId,
            String targetSlug,
            Object targetName) {}

    /** The blueprint's latest version (once the demo catalog is there) at the target. */
    private Subject latestVersion(String blueprint, String targetSlug) {
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
        return new Subject(
                version.get("id"),
                blueprint,
                version.get("name"),
                version.get("number"),
                target.get("id"),
                targetSlug,
                target.get("name"));
    }

    /**
     * A day-2 request of the environment that the PROVISION request made, the environment busy with it (as filing
     * makes it), and its task due now.
     */
    private UUID dayTwo(
            UUID provisionRequest, String kind, String state, String parameters, boolean previewPending, String task) {
        var environment = jdbc.queryForObject(
                "select id from environment where provisioned_by = ?", UUID.class, provisionRequest);
        var subject = jdbc.queryForObject(
                """
                select blueprint_version_id, blueprint_slug, blueprint_name, blueprint_version, target_id, target_slug,
                    target_name
                from vending_request where id = ?""",
                (row, n) -> new Subject(
                        row.getObject(1),
                        row.getString(2),
                        row.getObject(3),
                        row.getObject(4),
                        row.getObject(5),
                        row.getString(6),
                        row.getObject(7)),
                provisionRequest);
        var id = UUID.randomUUID();
        var now = Timestamp.from(Instant.now());
        insertRequests(kind, state, subject, environment, Map.of(id, parameters), "{}", previewPending, now);
        jdbc.update("update environment set busy_with = ? where id = ?", id, environment);
        schedule(task, List.of(id), now);
        return id;
    }

    /** Requests of the subject by the demo's requester and team, submitted now: one a parameters' entry. */
    private void insertRequests(
            String kind,
            String state,
            Subject subject,
            @Nullable UUID environment,
            Map<UUID, String> parameters,
            String outputs,
            boolean previewPending,
            Timestamp now) {
        jdbc.batchUpdate(
                """
                insert into vending_request (id, kind, state, environment_id, blueprint_version_id, blueprint_slug,
                    blueprint_name, blueprint_version, target_id, target_slug, target_name, parameters, justification,
                    requester, team, outputs, preview_pending, submitted_at, updated_at, version)
                values (?, ?, ?, ?::uuid, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, 'Seeded for an execution test', 'requester',
                    'web-team', ?::jsonb, ?, ?, ?, 0)""",
                parameters.entrySet().stream()
                        .map(request -> new Object[] {
                            request.getKey(),
                            kind,
                            state,
                            environment,
                            subject.versionId(),
                            subject.blueprintSlug(),
                            subject.blueprintName(),
                            subject.blueprintVersion(),
                            subject.targetId(),
                            subject.targetSlug(),
                            subject.targetName(),
                            request.getValue(),
                            outputs,
                            previewPending,
                            now,
                            now
                        })
                        .toList());
    }

    /** The db-scheduler task of each id (its instance), due then. */
    private void schedule(String task, Collection<UUID> ids, Timestamp due) {
        jdbc.batchUpdate(
                """
                insert into scheduled_tasks (task_name, task_instance, execution_time, picked, version)
                values (?, ?, ?, false, 1)""",
                ids.stream().map(id -> new Object[] {task, id.toString(), due}).toList());
    }
}
