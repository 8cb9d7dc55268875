-- A failed composite request may be abandoned by its requester: every stack it left is deleted in reverse dependency
-- order (ABANDONING) and it ends ABANDONED. abandoned_at: when it was first abandoned; such a request is never retried,
-- since some of its stacks may be gone. Its components' deletions have states of their own.
alter table vending_request add column abandoned_at timestamptz;
alter table composite_component drop constraint composite_component_state_check;
alter table composite_component add constraint composite_component_state_check check (state in
    ('WAITING', 'IN_PROGRESS', 'SUCCEEDED', 'FAILED', 'NOT_STARTED', 'TO_DELETE', 'DELETING', 'DELETED', 'DELETE_FAILED',
     'KEPT'));
