-- UPDATE requests with a change-set preview.
--
-- vending_request.preview: what an UPDATE will change, as AWS computed it before approval (a change set's resource
-- changes); preview_pending: approvers are invited once it is there.
alter table vending_request
    add column preview         jsonb,
    add column preview_pending boolean not null default false;

-- approval.held: its approvers are not invited yet (the preview is being computed); round: 1, one more each time what
-- was approved went stale and came back for approval. A decision counts in the round it was made in.
alter table approval
    add column held  boolean not null default false,
    add column round int     not null default 1;
alter table approval_decision
    add column round int not null default 1;
alter table approval_decision
    drop constraint approval_decision_request_id_approver_key;
alter table approval_decision
    add constraint approval_decision_once_per_round unique (request_id, round, approver);

-- The request whose parameter values an environment runs with (its PROVISION request, or its last UPDATE): an UPDATE
-- keeps the NoEcho values sealed there unless they are entered again.
alter table environment
    add column parameters_from uuid references vending_request (id);
update environment set parameters_from = provisioned_by;
alter table environment
    alter column parameters_from set not null;
