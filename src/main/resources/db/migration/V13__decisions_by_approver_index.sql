-- "Decided by me" lists one approver's decisions, newest first; without this index it reads every decision.
create index approval_decision_approver_idx on approval_decision (approver, decided_at desc);
