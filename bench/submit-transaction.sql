-- What one POST /api/v1/requests (no Idempotency-Key) sends to PostgreSQL, statement for statement, in one
-- transaction, as captured with log_statement=all from the portal (bench/submit.sh captures it again on every run and
-- bench/SubmitTransaction.java compares it with this file): read the blueprint (once: the persistence context answers
-- the later reads by its natural id), the id of its newest version (the version itself, immutable, is in the portal's
-- memory, KnownVersions: its number below comes from there) and the target; then the approval module: the approval
-- policies (once), the approvers to invite, the invitation's publication (outbox), the ApprovalOpened audit event
-- waiting for the chain (audit_pending), the approval timer (inserted without a read: the request is new); the
-- RequestSubmitted audit event; then the request (its version null until stored: merged without a read) and the
-- approval (persisted, no read). The ids the portal makes in Java are made here by gen_random_uuid() in the first read.
BEGIN;
select gen_random_uuid() as id, gen_random_uuid() as event_id, gen_random_uuid() as opened_id,
       b.id as blueprint_id, b.allowed_environments, b.approval_policy, b.created_at, b.description, b.kind,
       b.max_lifetime, b.name, b.owner, b.quota_per_team, b.retired_at, b.slug, b.tags, b.version
  from blueprint b where b.slug = 'static-website' \gset req_
select bv.id from blueprint_version bv where bv.blueprint_id = :req_blueprint_id
  order by bv.number desc fetch first 1 rows only \gset bv_
select t.id, t.account_id, t.allowed_blueprints, t.allowed_organizational_units, t.created_at, t.environment,
       t.execution_role_arn, t.external_id, t.name, t.region, t.slug, t.version
  from target t where t.slug = 'sandbox-eu-west-1' \gset t_
select ap.id, ap.auto_approve, ap.blueprint_slug, ap.created_at, ap.environment, ap.fallback_group, ap.name,
       ap.request_kind, ap.requirements, ap.team, ap.version
  from approval_policy ap order by ap.name;
select username, email, roles, teams from person
  where email is not null and roles @> '["APPROVER"]'::jsonb
    and (cast(null as text) is null or teams @> jsonb_build_array(cast(null as text)))
  order by username;
insert into event_publication (id, event_type, listener_id, publication_date, serialized_event, status,
                               completion_attempts, last_resubmission_date)
  values (gen_random_uuid(), 'io.vendo.approval.ApprovalEvent$ApprovalOpened',
          'io.vendo.notification.ApprovalInvitations.invite(io.vendo.approval.ApprovalEvent$Invitation)', now(),
          '{"eventId":"' || :req_opened_id::text || '","requestId":"' || :req_id::text || '","occurredAt":"2026-11-25T01:17:14.071674128Z","actor":"system","policy":"default","requirements":"1 from any approver","team":"web-team","invitees":["approver","lead","admin"],"round":1}',
          'PUBLISHED', 1, now());
insert into audit_pending (event_id, occurred_at, actor, action, subject_id, details)
  values (:req_opened_id, now(), 'system', 'approval.opened', :req_id::text,
          '{"policy":"default","requires":"1 from any approver","invited":"approver, lead, admin"}'::jsonb)
  on conflict (event_id) do nothing;
insert into scheduled_tasks (task_name, task_instance, task_data, execution_time, picked, version)
  values ('approval-timer', :req_id::text, null, now() + interval '1 day', false, 1);
insert into audit_pending (event_id, occurred_at, actor, action, subject_id, details)
  values (:req_event_id, now(), 'requester', 'request.submitted', :req_id::text,
          '{"blueprint":"static-website v1","target":"sandbox-eu-west-1 (SANDBOX)","team":"web-team"}'::jsonb)
  on conflict (event_id) do nothing;
insert into vending_request (abandoned_at, blueprint_version_id, blueprint_slug, blueprint_name, blueprint_version,
                             target_id, target_slug, target_name, environment_id, preview, preview_pending,
                             requested_expiry, dry_run_plan, failure_reason, justification, kind, outputs, parameters,
                             requester, secret_parameters, state, submitted_at, team, updated_at, version, id)
  values (null, :bv_id, :req_slug, :req_name, 1, :t_id, :t_slug, :t_name, null, null, false, null, null, null, 'benchmark',
          'PROVISION', '{}',
          '{"SiteName": "bench-site", "Versioning": "Enabled", "IndexDocument": "index.html", "NoncurrentVersionDays": "30"}',
          'requester', '{}', 'PENDING_APPROVAL', now(), 'web-team', now(), 0, :req_id);
insert into approval (deadline, escalate_at, escalated_at, remind_at, reminded_at, fallback_group, opened_at,
                      policy_name, requester, requirements, held, round, status, version, request_id)
  values (now() + interval '7 days', now() + interval '2 days', null, now() + interval '1 day', null, 'admins', now(),
          'default', 'requester', '[{"group": "*", "approvals": 1}]', false, 1, 'PENDING', 0, :req_id);
COMMIT;
