-- Auditable events wait here from the transaction that published them until the audit appender chains them into
-- audit_event, a batch at a time (one lock of the chain and one read of its head per batch, not per event). Written
-- in the publishing transaction, a row exists exactly when what it reports committed; the appender deletes it in the
-- transaction that appends it, so each event is appended once.
create table audit_pending (
    id          bigint generated always as identity primary key,
    event_id    uuid        not null unique,
    occurred_at timestamptz not null,
    actor       text        not null,
    action      text        not null,
    subject_id  text        not null,
    details     jsonb       not null
);
