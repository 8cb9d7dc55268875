-- Environments: what exists after a successful PROVISION request, and the day-2 requests that act on it.
--
-- environment: owner and owning team, the pinned blueprint version and target, parameters as shown (NoEcho masked),
-- outputs and the handles AWS returned (StackId, ProvisionedProductId, AccountId, StackSet instances), the lease
-- (expires_at, expiry_paused, the reminders already sent for this expiry), the day-2 request in flight (busy_with:
-- at most one at a time) and the requests that acted on it (history). Updates are conditional on version.
create table environment (
    id                   uuid primary key,
    provisioned_by       uuid        not null unique references vending_request (id),
    blueprint_slug       text        not null,
    blueprint_name       text        not null,
    blueprint_kind       text        not null check (blueprint_kind in ('STACK', 'ACCOUNT', 'SERVICE_CATALOG_PRODUCT', 'STACK_SET')),
    blueprint_version_id uuid        not null references blueprint_version (id),
    blueprint_version    int         not null,
    target_id            uuid        not null references target (id),
    target_slug          text        not null,
    target_name          text        not null,
    tier                 text        not null check (tier in ('SANDBOX', 'DEV', 'STAGING', 'PROD')),
    owner                text        not null,
    team                 text        not null,
    parameters           jsonb       not null,
    outputs              jsonb       not null,
    handles              jsonb       not null,
    status               text        not null check (status in ('ACTIVE', 'UPDATING', 'DECOMMISSIONING', 'DECOMMISSIONED', 'FAILED', 'DRIFTED')),
    status_reason        text,
    expires_at           timestamptz,
    expiry_paused        boolean     not null,
    reminders_sent       jsonb       not null,
    busy_with            uuid,
    history              jsonb       not null,
    created_at           timestamptz not null,
    updated_at           timestamptz not null,
    version              bigint      not null
);
create index environment_owner_idx on environment (owner, created_at desc, id desc);
create index environment_team_idx on environment (team, created_at desc, id desc);
create index environment_created_idx on environment (created_at desc, id desc);
create index environment_quota_idx on environment (blueprint_slug, team, status);
create index environment_lease_idx on environment (expires_at) where expires_at is not null and status <> 'DECOMMISSIONED';

-- A day-2 request names the environment it acts on; an EXTEND request the expiry it asks for.
alter table vending_request
    add column environment_id   uuid references environment (id),
    add column requested_expiry timestamptz;
create index vending_request_environment_idx on vending_request (environment_id) where environment_id is not null;

-- Approval policies may be scoped by request kind (extensions of sandboxes approve themselves, decommissions of
-- production need the platform team); unset: every kind.
alter table approval_policy
    add column request_kind text check (request_kind in ('PROVISION', 'UPDATE', 'EXTEND', 'DECOMMISSION'));
alter table approval_policy drop constraint approval_policy_scope_unique;
alter table approval_policy
    add constraint approval_policy_scope_unique unique nulls not distinct (blueprint_slug, environment, team, request_kind);

-- What earlier requests created is an environment from now on: every SUCCEEDED PROVISION request, its lease the one
-- its vendo:expires-on tag already says (submission + the blueprint's maximum lifetime).
insert into environment (id, provisioned_by, blueprint_slug, blueprint_name, blueprint_kind, blueprint_version_id,
                         blueprint_version, target_id, target_slug, target_name, tier, owner, team, parameters,
                         outputs, handles, status, status_reason, expires_at, expiry_paused, reminders_sent,
                         busy_with, history, created_at, updated_at, version)
select gen_random_uuid(),
       r.id,
       r.blueprint_slug,
       r.blueprint_name,
       b.kind,
       r.blueprint_version_id,
       r.blueprint_version,
       r.target_id,
       r.target_slug,
       r.target_name,
       t.environment,
       r.requester,
       r.team,
       r.parameters || coalesce((select jsonb_object_agg(name, '****')
                                 from jsonb_object_keys(r.secret_parameters) as name), '{}'::jsonb),
       r.outputs,
       coalesce(e.aws_ids - 'ChangeSetId' - 'RecordId' - 'CreateAccountRequestId' - 'OperationId', '{}'::jsonb),
       'ACTIVE',
       null,
       case when b.max_lifetime is null then null else r.submitted_at + b.max_lifetime::interval end,
       false,
       '[]'::jsonb,
       null,
       jsonb_build_array(jsonb_build_object('requestId', r.id, 'kind', 'PROVISION',
                                            'at', to_char(r.updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))),
       r.updated_at,
       r.updated_at,
       0
from vending_request r
         join blueprint_version v on v.id = r.blueprint_version_id
         join blueprint b on b.id = v.blueprint_id
         join target t on t.id = r.target_id
         left join execution e on e.request_id = r.id
where r.state = 'SUCCEEDED'
  and r.kind = 'PROVISION';
