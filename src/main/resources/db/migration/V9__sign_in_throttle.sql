-- Brute-force protection on sign-in (issue 9). Portable across H2 and PostgreSQL like V1.
-- One row per throttled key: an account (its normalised e-mail address) or a client address. The key
-- itself is not stored, only its SHA-256, so the table does not list the e-mail addresses people tried.
-- Rows are changed with optimistic locking (version): every instance shares them, and two attempts at
-- once cannot both take the last allowed try.
create table sign_in_throttle (
    kind          varchar(10)  not null,
    key_hash      varchar(64)  not null,
    failures      integer      not null,
    locks         integer      not null,
    window_start  timestamp with time zone not null,
    locked_until  timestamp with time zone,
    version       bigint       not null,
    constraint pk_sign_in_throttle primary key (kind, key_hash)
);
