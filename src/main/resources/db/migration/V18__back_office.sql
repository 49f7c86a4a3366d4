-- The back office (issue 10, point 6): an index for its paged delivery log, portable to H2 and PostgreSQL. (The data
-- browser pages records on V17's ix_synced_record_page.)

-- An endpoint's delivery log, newest first, a page at a time (keyset on id).
create index ix_webhook_delivery_endpoint on webhook_delivery (endpoint_id, id);
