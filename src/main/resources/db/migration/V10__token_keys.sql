-- Token keys (issue 9): one check value per key id, an HMAC-SHA256 of a fixed text under that key, so a
-- start-up can tell that a configured key is the one that encrypted the stored tokens. Portable across H2 and
-- PostgreSQL.
create table token_key_check (
    key_id       varchar(16)  primary key,
    check_value  varchar(100) not null,
    created_at   timestamp with time zone not null
);

-- A token that could not be sent to its provider for revocation (no configured key decrypts it): recorded once,
-- never retried.
alter table revocation add column abandoned_at timestamp with time zone;
