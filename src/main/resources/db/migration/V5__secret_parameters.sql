-- NoEcho parameter values, each AES-GCM encrypted by the application ("v1:" + Base64), kept apart from the plain
-- parameters so that nothing that reads a request's parameters ever reads a secret by accident.
alter table vending_request add column secret_parameters jsonb not null default '{}'::jsonb;
