-- Promotions: one submission that goes through a sequence of targets, each step filed as a request of its own once
-- the step before it succeeded.
create table promotion (
    id         uuid primary key,
    requester  text        not null,
    team       text        not null,
    created_at timestamptz not null,
    updated_at timestamptz not null,
    version    bigint      not null
);

-- position 0 is the first target, whose request is filed with the promotion; request_id is set when a step is filed,
-- refusal when it could not be (its target changed, the quota was reached). A request is a step of one promotion.
create table promotion_step (
    promotion_id uuid    not null references promotion (id),
    position     int     not null,
    target_id    uuid    not null,
    target_slug  text    not null,
    target_name  text    not null,
    environment  text    not null,
    request_id   uuid references vending_request (id),
    refusal      text,
    primary key (promotion_id, position)
);
create unique index promotion_step_request on promotion_step (request_id);
