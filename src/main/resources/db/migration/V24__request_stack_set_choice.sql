-- The deployment targets a STACK_SET request chose: organizational units (service-managed permissions) and regions, a
-- subset of its blueprint's. A request without a row left them to its blueprint; an empty array likewise. The row is
-- written in the submitting transaction before JPA flushes the request's own row: the key is checked at commit.
create table request_stack_set_choice (
    request_id           uuid primary key references vending_request (id) deferrable initially deferred,
    organizational_units text[] not null,
    regions              text[] not null
);
