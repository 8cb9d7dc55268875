-- Fleet updates: a later UPDATE of a fleet is a batch of its own, whose rows are UPDATE requests of the environments
-- the fleet created, rolled out under the same policy and decided by one approval (its row 0's, released once every
-- row's preview is there).
--
-- update_of: the fleet (a creation batch) this batch updates; none for a creation batch. blueprint_version: the
-- version the update rolls out; none: each environment keeps its own (only values change).
alter table request_batch
    add column update_of         uuid references request_batch (id),
    add column blueprint_version int check (blueprint_version > 0);
create index request_batch_update_of on request_batch (update_of);

-- The fleet's rows an update left out, and why (no environment, decommissioned, busy, already up to date).
create table request_batch_skipped_row (
    batch_id  uuid not null references request_batch (id),
    fleet_row int  not null,
    reason    text not null,
    primary key (batch_id, fleet_row)
);
