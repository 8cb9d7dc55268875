-- The API lists requests newest first with a keyset cursor (submitted_at, id), optionally filtered by state,
-- blueprint, target or requester. Each index serves one filter in that order, so a page reads only its own rows.
drop index vending_request_submitted_idx;
create index vending_request_submitted_idx on vending_request (submitted_at desc, id desc);
drop index vending_request_requester_idx;
create index vending_request_requester_idx on vending_request (requester, submitted_at desc, id desc);
create index vending_request_state_idx on vending_request (state, submitted_at desc, id desc);
create index vending_request_blueprint_idx on vending_request (blueprint_slug, submitted_at desc, id desc);
create index vending_request_target_idx on vending_request (target_slug, submitted_at desc, id desc);
