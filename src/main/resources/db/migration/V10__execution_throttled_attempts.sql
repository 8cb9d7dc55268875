-- Throttling and a busy AWS are waited out without counting towards vendo.execution.max-attempts: they get their own
-- counter (for the backoff), and failed_attempts counts only failures that may be retried a limited number of times.
alter table execution add column throttled_attempts integer not null default 0;
