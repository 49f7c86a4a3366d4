-- Token lifecycle (issue 11, points 3 and 4). Portable across H2 and PostgreSQL 15.

-- A connection's token refresh is claimed by moving this forward with a conditional update, so two instances never
-- use the same refresh token at once; after a temporary failure it holds the provider's Retry-After.
alter table connection add column token_refresh_after timestamp with time zone;
create index ix_connection_token_expiry on connection (status, access_token_expires_at);

-- A revocation the provider refused for good (a 4xx) or could not be asked for (no revocation endpoint): recorded
-- once, never retried. refusal is REFUSED or NO_ENDPOINT; token_expires_at is when an access token stops working
-- by itself, so the pages can say until when it lives.
alter table revocation add column refused_at timestamp with time zone;
alter table revocation add column refusal varchar(20);
alter table revocation add column token_expires_at timestamp with time zone;
