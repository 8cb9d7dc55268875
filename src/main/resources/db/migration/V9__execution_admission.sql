-- Admission control: every approved request takes a slot before its first AWS call and holds it until it reaches a
-- terminal state. Limits apply per (service, account), per StackSet and globally; a row is the request's place in the
-- queue (QUEUED), its slot (ADMITTED), or history for the start estimates (RELEASED). Admission passes serialise on an
-- advisory lock, so the limits hold across replicas; slots belong to requests, not workers, so they survive crashes.
create table execution_admission (
    request_id  uuid primary key references vending_request (id),
    service     text        not null check (service in ('CLOUDFORMATION', 'CONTROL_TOWER', 'SERVICE_CATALOG', 'STACK_SET')),
    account_id  text        not null,
    resource    text,
    state       text        not null check (state in ('QUEUED', 'ADMITTED', 'RELEASED')),
    queued_at   timestamptz not null,
    admitted_at timestamptz,
    released_at timestamptz
);
create index execution_admission_queue_idx on execution_admission (queued_at, request_id) where state = 'QUEUED';
create index execution_admission_slots_idx on execution_admission (service, account_id) where state = 'ADMITTED';
create index execution_admission_recent_idx on execution_admission (service, released_at desc)
    where state = 'RELEASED' and admitted_at is not null;
