-- Drift checks of STACK environments: one row per check (on demand, scheduled, or after an update), worked through by
-- a durable task (DetectStackDrift, DescribeStackDriftDetectionStatus until complete, DescribeStackResourceDrifts).
-- detection_id: CloudFormation's id of the detection once it is known; drifted_resources: what DescribeStackResourceDrifts
-- reported (MODIFIED and DELETED resources with their property differences); plan: in a dry run, the calls Vendo would
-- have made. At most one check per environment runs at a time (finished_at is null). Updates are conditional on version.
create table drift_check (
    id                uuid primary key,
    environment_id    uuid        not null references environment (id),
    trigger           text        not null check (trigger in ('ON_DEMAND', 'SCHEDULED', 'AFTER_UPDATE')),
    requested_by      text        not null,
    state             text        not null check (state in ('REQUESTED', 'DETECTING', 'IN_SYNC', 'DRIFTED', 'FAILED', 'DRY_RUN')),
    stack_id          text        not null,
    detection_id      text,
    stack_drift_status text,
    drifted_resources jsonb       not null,
    reason            text,
    plan              text,
    polls             int         not null,
    failed_attempts   int         not null,
    requested_at      timestamptz not null,
    updated_at        timestamptz not null,
    finished_at       timestamptz,
    version           bigint      not null
);
create unique index drift_check_one_running_idx on drift_check (environment_id) where finished_at is null;
create index drift_check_environment_idx on drift_check (environment_id, requested_at desc);
