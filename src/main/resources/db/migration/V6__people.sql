-- People who logged in through the OIDC issuer, as their last login showed them. Approvers are invited by e-mail,
-- so the portal must know their address and groups between logins (identity module).
create table person (
    username       text primary key,
    email          text,
    display_name   text,
    roles          jsonb       not null,
    teams          jsonb       not null,
    first_login_at timestamptz not null,
    last_login_at  timestamptz not null
);

create index person_teams on person using gin (teams);
