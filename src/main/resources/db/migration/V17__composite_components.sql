-- Composite requests (issue 15): each component of the graph is a stack of its own, with its own execution row (keyed
-- by an id derived from the request, the component and the attempt) whose timeline is its request's; this table is
-- the graph's state: which component waits, runs, succeeded or failed, with what it was given and what it produced.
alter table execution
    add column parent_request_id uuid references vending_request (id),
    add column component         text;
-- A component's execution is keyed by its derived id, which names no request: the key no longer references the
-- request table; a request's own execution still has its id, a component's references its request by parent_request_id.
alter table execution drop constraint execution_request_id_fkey;
alter table execution
    add constraint execution_of_a_request_or_a_component
        check ((parent_request_id is null) = (component is null));

create index execution_parent_request on execution (parent_request_id) where parent_request_id is not null;

create table composite_component (
    id           uuid        primary key,
    request_id   uuid        not null references vending_request (id),
    component    text        not null,
    position     int         not null,
    attempt      int         not null check (attempt > 0),
    state        text        not null check (state in ('WAITING', 'IN_PROGRESS', 'SUCCEEDED', 'FAILED', 'NOT_STARTED')),
    source       text        not null,
    depends_on   jsonb       not null,
    execution_id uuid,
    parameters   jsonb       not null,
    outputs      jsonb       not null,
    events       jsonb       not null,
    stack_id     text,
    stack_name   text,
    reason       text,
    next_at      timestamptz,
    started_at   timestamptz,
    finished_at  timestamptz,
    version      bigint      not null,
    unique (request_id, component)
);
