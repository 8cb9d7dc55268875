-- Every replica learns at once that something happened to a subject (a request, mostly): the audit row that records
-- it notifies the channel vendo_changes with the subject's id, and the request pages open on any replica refresh
-- themselves (io.vendo.web.ChangeFeed listens). NOTIFY is transactional: it is delivered when the row commits, never
-- for a row that rolled back. Audit rows are written one at a time already (the hash chain's lock), so the lock
-- PostgreSQL takes to queue notifications at commit adds no waiting.
create function audit_event_notify() returns trigger language plpgsql as $$
begin
    perform pg_notify('vendo_changes', new.subject_id);
    return null;
end;
$$;
create trigger audit_event_notify
    after insert on audit_event
    for each row execute function audit_event_notify();
