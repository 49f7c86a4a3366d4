-- What the dashboard shows of each connection, stored in that shape when a sync ends (issue 14), so a page view is
-- a few indexed reads: no scan of the synced records, no JSON parsing, no aggregate over the sync history.

-- One row per connection that has ended a sync: its first and last successful sync, how its last attempt ended,
-- and what identifies its data (legal name, base currency, one display line per bank account).
create table connection_summary (
    connection_id    bigint        not null primary key references connection (id) on delete cascade,
    company_id       bigint        not null references company (id),
    first_synced_at  timestamp with time zone,
    last_synced_at   timestamp with time zone,
    last_attempt_at  timestamp with time zone,
    last_outcome     varchar(20),
    last_error       varchar(500),
    legal_name       varchar(300),
    base_currency    varchar(10),
    -- "Name · masked number · currency", one line per account, as the dashboard prints them.
    bank_accounts    varchar(4000),
    -- Set for rows carried over from before this table: the portal fills in the legal name, currency and bank
    -- accounts from the stored records once, at start-up.
    facts_pending    boolean       not null default false
);
create index ix_connection_summary_company on connection_summary (company_id);

-- How many records of each type a connection holds now.
create table connection_record_count (
    connection_id  bigint       not null references connection (id) on delete cascade,
    data_type      varchar(40)  not null,
    company_id     bigint       not null references company (id),
    records        integer      not null,
    primary key (connection_id, data_type)
);
create index ix_connection_record_count_company on connection_record_count (company_id);

-- Carried over from the history already there.
insert into connection_summary (connection_id, company_id, first_synced_at, last_synced_at, facts_pending)
select c.id, c.company_id,
       (select min(r.ended_at) from sync_run r where r.connection_id = c.id and r.outcome = 'SUCCESS'),
       (select max(r.ended_at) from sync_run r where r.connection_id = c.id and r.outcome = 'SUCCESS'),
       exists (select 1 from synced_record s where s.connection_id = c.id
               and s.data_type in ('COMPANY_INFO', 'BANK_ACCOUNTS'))
from connection c
where exists (select 1 from sync_run r where r.connection_id = c.id);

update connection_summary set
    last_attempt_at = (select r.ended_at from sync_run r where r.id =
        (select max(x.id) from sync_run x where x.connection_id = connection_summary.connection_id)),
    last_outcome = (select r.outcome from sync_run r where r.id =
        (select max(x.id) from sync_run x where x.connection_id = connection_summary.connection_id)),
    last_error = (select r.error_message from sync_run r where r.id =
        (select max(x.id) from sync_run x where x.connection_id = connection_summary.connection_id));

insert into connection_record_count (connection_id, data_type, company_id, records)
select connection_id, data_type, company_id, count(*) from synced_record group by connection_id, data_type, company_id;
