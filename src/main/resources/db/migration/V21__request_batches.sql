-- Fleets: one submission of many (target, parameters) rows, one approval, rolled out under admission control.
--
-- request_batch: the submission and its rollout policy. max_in_flight: rows of the batch executing at once (besides
-- the admission limits per account and overall); pause_after_failures: the rollout pauses once that many rows failed
-- since it started or was last resumed (failures_before_resume counts those before), and rows not yet started wait
-- until someone resumes it.
create table request_batch (
    id                     uuid primary key,
    blueprint_slug         text        not null,
    justification          text        not null,
    requester              text        not null,
    team                   text        not null,
    max_in_flight          int         not null check (max_in_flight > 0),
    pause_after_failures   int         not null check (pause_after_failures > 0),
    rollout                text        not null check (rollout in ('ROLLING', 'PAUSED')),
    failures_before_resume int         not null default 0,
    submitted_at           timestamptz not null,
    updated_at             timestamptz not null,
    version                bigint      not null
);

-- Its rows, in the order they were submitted: each is a request of its own. Row 0 leads: its approval decides every
-- row.
create table request_batch_row (
    batch_id   uuid not null references request_batch (id),
    row_index  int  not null,
    request_id uuid not null unique references vending_request (id),
    primary key (batch_id, row_index)
);

-- Admission: a row of a batch also counts against its batch's max_in_flight, and waits while its batch is paused
-- (execution_batch_hold, written when the batch pauses and removed when it resumes).
alter table execution_admission
    add column batch_id    uuid,
    add column batch_limit int;
create table execution_batch_hold (
    batch_id uuid primary key,
    held_at  timestamptz not null
);
