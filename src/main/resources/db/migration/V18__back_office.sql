-- The back office (issue 10, point 6): indexes for its paged reads, portable to H2 and PostgreSQL.

-- An endpoint's delivery log, newest first, a page at a time (keyset on id).
create index ix_webhook_delivery_endpoint on webhook_delivery (endpoint_id, id);

-- The records of one data type of one connection, in the order the sync stored them, a page at a time.
create index ix_synced_record_page on synced_record (connection_id, data_type, id);
