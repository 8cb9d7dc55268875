-- Approval policies (most specific wins), the policy snapshot on each approval, one-time approval links, and the
-- approval's clock: reminder, escalation and deadline.

create table approval_policy (
    id             uuid primary key,
    name           text        not null unique,
    blueprint_slug text,
    environment    text check (environment in ('SANDBOX', 'DEV', 'STAGING', 'PROD')),
    team           text,
    auto_approve   boolean     not null,
    requirements   jsonb       not null,
    fallback_group text,
    created_at     timestamptz not null,
    version        bigint      not null,
    constraint approval_policy_scope_unique unique nulls not distinct (blueprint_slug, environment, team),
    constraint approval_policy_has_requirements check (auto_approve or jsonb_array_length(requirements) > 0)
);

-- Until an admin says otherwise: one approval from anyone with the approver role ('*'), escalating to admins.
insert into approval_policy (id, name, blueprint_slug, environment, team, auto_approve, requirements, fallback_group,
                             created_at, version)
values ('00000000-0000-0000-0000-000000000001', 'default', null, null, null, false,
        '[{"group": "*", "approvals": 1}]', 'admins', now(), 0);

alter table approval
    add column policy_name    text        not null default 'default',
    add column requirements   jsonb       not null default '[{"group": "*", "approvals": 1}]',
    add column fallback_group text,
    add column remind_at      timestamptz,
    add column escalate_at    timestamptz,
    add column deadline       timestamptz not null default now() + interval '7 days',
    add column reminded_at    timestamptz,
    add column escalated_at   timestamptz;
alter table approval
    alter column policy_name drop default,
    alter column requirements drop default,
    alter column deadline drop default,
    drop column required_approvals,
    drop column approver_role;

alter table approval_decision
    add column requirement_group text;

create table approval_link (
    token_hash text primary key,
    request_id uuid        not null references approval (request_id),
    approver   text        not null,
    expires_at timestamptz not null,
    used_at    timestamptz,
    created_at timestamptz not null
);
create index approval_link_request_idx on approval_link (request_id);
