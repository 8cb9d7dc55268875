-- Idempotency-Key on POST /api/v1/requests: per caller and key, the request's fingerprint and, once done, the
-- response to replay. Keys expire after 24 hours.
create table idempotency_key (
    principal       text        not null,
    key             text        not null,
    request_hash    text        not null,
    response_status int,
    response_body   text,
    location        text,
    created_at      timestamptz not null,
    expires_at      timestamptz not null,
    primary key (principal, key)
);
create index idempotency_key_expiry_idx on idempotency_key (expires_at);
