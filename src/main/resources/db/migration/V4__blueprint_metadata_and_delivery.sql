-- Blueprint metadata curated by the platform team, kind-specific delivery settings pinned with each version, and the
-- blueprints a target accepts.

alter table blueprint
    add column tags                 jsonb       not null default '{}',
    add column allowed_environments jsonb       not null default '[]',
    add column approval_policy      text,
    add column max_lifetime         text,
    add column quota_per_team       int         check (quota_per_team > 0),
    add column retired_at           timestamptz;

-- Versions stay immutable: the delivery is part of what a request pins, as the template is.
alter table blueprint_version
    add column delivery jsonb not null default '{"type": "Stack"}';
alter table blueprint_version alter column delivery drop default;

alter table target
    add column allowed_blueprints           jsonb not null default '[]',
    add column allowed_organizational_units jsonb not null default '[]';

-- Quota and account e-mail checks at submission read requests by blueprint and team, and by account e-mail.
create index vending_request_blueprint_team_idx on vending_request (blueprint_slug, team, state);
create index vending_request_account_email_idx on vending_request (lower(parameters ->> 'AccountEmail'));
