-- Vendo's first schema: catalog, requests, approvals, execution, audit, and the tables of db-scheduler and of
-- Spring Modulith's event publication registry.

create table blueprint (
    id          uuid primary key,
    slug        text        not null unique check (slug ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
    name        text        not null,
    description text        not null,
    kind        text        not null check (kind in ('STACK', 'ACCOUNT', 'SERVICE_CATALOG_PRODUCT', 'STACK_SET')),
    owner       text        not null,
    created_at  timestamptz not null,
    version     bigint      not null
);

create table blueprint_version (
    id              uuid primary key,
    blueprint_id    uuid        not null references blueprint (id),
    number          int         not null check (number > 0),
    template_body   text        not null,
    template_sha256 text        not null,
    parameters      jsonb       not null,
    outputs         jsonb       not null,
    capabilities    jsonb       not null,
    created_at      timestamptz not null,
    unique (blueprint_id, number)
);

create table target (
    id                 uuid primary key,
    slug               text        not null unique check (slug ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
    name               text        not null,
    account_id         text        not null check (account_id ~ '^[0-9]{12}$'),
    region             text        not null,
    environment        text        not null check (environment in ('SANDBOX', 'DEV', 'STAGING', 'PROD')),
    execution_role_arn text,
    external_id        text,
    created_at         timestamptz not null,
    version            bigint      not null
);

create table vending_request (
    id                   uuid primary key,
    kind                 text        not null,
    state                text        not null,
    blueprint_version_id uuid        not null references blueprint_version (id),
    blueprint_slug       text        not null,
    blueprint_name       text        not null,
    blueprint_version    int         not null,
    target_id            uuid        not null references target (id),
    target_slug          text        not null,
    target_name          text        not null,
    parameters           jsonb       not null,
    justification        text        not null,
    requester            text        not null,
    team                 text        not null,
    outputs              jsonb       not null,
    failure_reason       text,
    dry_run_plan         text,
    submitted_at         timestamptz not null,
    updated_at           timestamptz not null,
    version              bigint      not null
);
create index vending_request_requester_idx on vending_request (requester, submitted_at desc);
create index vending_request_submitted_idx on vending_request (submitted_at desc);

create table approval (
    request_id         uuid primary key references vending_request (id),
    requester          text        not null,
    required_approvals int         not null check (required_approvals > 0),
    approver_role      text        not null,
    status             text        not null,
    opened_at          timestamptz not null,
    version            bigint      not null
);
create index approval_pending_idx on approval (opened_at) where status = 'PENDING';

create table approval_decision (
    id         uuid primary key,
    request_id uuid        not null references approval (request_id),
    approver   text        not null,
    outcome    text        not null check (outcome in ('APPROVE', 'REJECT')),
    comment    text        not null,
    channel    text        not null,
    decided_at timestamptz not null,
    unique (request_id, approver)
);

create table stack_execution (
    request_id           uuid primary key references vending_request (id),
    stack_name           text        not null unique,
    client_request_token text        not null unique,
    stack_id             text,
    phase                text        not null,
    submit_attempts      int         not null,
    polls                int         not null,
    failed_attempts      int         not null,
    last_error           text,
    updated_at           timestamptz not null,
    version              bigint      not null
);

create table audit_event (
    id            bigint generated always as identity primary key,
    event_id      uuid        not null unique,
    occurred_at   timestamptz not null,
    actor         text        not null,
    action        text        not null,
    subject_id    text        not null,
    details       jsonb       not null,
    previous_hash text        not null,
    hash          text        not null
);
create index audit_event_subject_idx on audit_event (subject_id, id);

-- Append-only: the application's role may insert and read audit rows, never change them.
create function audit_event_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_event is append-only';
end;
$$;
create trigger audit_event_append_only
    before update or delete on audit_event
    for each row execute function audit_event_is_append_only();

-- db-scheduler 16
create table scheduled_tasks (
    task_name            text                     not null,
    task_instance        text                     not null,
    task_data            bytea,
    execution_time       timestamp with time zone not null,
    picked               boolean                  not null,
    picked_by            text,
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures int,
    last_heartbeat       timestamp with time zone,
    version              bigint                   not null,
    priority             smallint,
    primary key (task_name, task_instance)
);
create index execution_time_idx on scheduled_tasks (execution_time);
create index last_heartbeat_idx on scheduled_tasks (last_heartbeat);
create index priority_execution_time_idx on scheduled_tasks (priority desc, execution_time asc);

-- Spring Modulith 2 event publication registry (the transactional outbox between modules)
create table event_publication (
    id                     uuid                     not null primary key,
    listener_id            text                     not null,
    event_type             text                     not null,
    serialized_event       text                     not null,
    publication_date       timestamp with time zone not null,
    completion_date        timestamp with time zone,
    status                 text,
    completion_attempts    int,
    last_resubmission_date timestamp with time zone
);
create index event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index event_publication_by_completion_date_idx on event_publication (completion_date);
