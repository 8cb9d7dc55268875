-- A composite request holds as many admission slots as it can have components (stacks) in flight at once: the
-- per-account limits count stacks, whichever request they belong to. Every other request holds one.
alter table execution_admission
    add column slots int not null default 1 check (slots > 0);
