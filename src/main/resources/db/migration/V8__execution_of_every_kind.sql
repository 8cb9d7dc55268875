-- One execution per request, for every blueprint kind (it replaces stack_execution, which knew only CreateStack).
-- phase: where the request's own step machine stands; aws_ids: identifiers AWS returned (StackId, ChangeSetId,
-- RecordId, AccountId, CreateAccountRequestId, OperationId); mutating_calls: per mutating operation, how often it
-- was attempted, written BEFORE the call, so that a restarted executor looks up what AWS has before it calls again;
-- resource_changes: a change set's resource changes, shown on the request page. Updates are conditional on version.
create table execution (
    request_id       uuid primary key references vending_request (id),
    kind             text        not null check (kind in ('STACK', 'ACCOUNT', 'SERVICE_CATALOG_PRODUCT', 'STACK_SET')),
    phase            text        not null,
    aws_ids          jsonb       not null default '{}',
    mutating_calls   jsonb       not null default '{}',
    resource_changes jsonb       not null default '[]',
    aws_status       text,
    polls            int         not null,
    failed_attempts  int         not null,
    last_error       text,
    started_at       timestamptz not null,
    updated_at       timestamptz not null,
    version          bigint      not null
);

-- Stacks begun with CreateStack carry on: one that AWS has is polled; one that may have been sent is looked up as
-- a change set, found missing, and its CreateChangeSet then fails on the existing stack, rather than creating twice.
insert into execution (request_id, kind, phase, aws_ids, mutating_calls, polls, failed_attempts, last_error,
                       started_at, updated_at, version)
select request_id,
       'STACK',
       case phase when 'POLLING' then 'AWAIT_STACK' when 'DONE' then 'DONE' else 'CREATE_CHANGE_SET' end,
       case when stack_id is null then '{}'::jsonb else jsonb_build_object('StackId', stack_id) end,
       case when submit_attempts > 0 then jsonb_build_object('CreateChangeSet', submit_attempts + 1) else '{}'::jsonb end,
       polls,
       failed_attempts,
       last_error,
       updated_at,
       updated_at,
       version
from stack_execution;

drop table stack_execution;
