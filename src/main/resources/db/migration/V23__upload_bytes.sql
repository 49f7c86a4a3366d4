-- Uploaded files' bytes in the database (issue 12), so every instance reads every upload. bytea is PostgreSQL's
-- binary string and an H2 alias of BINARY VARYING (up to 1 GB there): portable, and never a large object, whose
-- separate storage a deleted row would leave behind. The bytes go with their upload row (on delete cascade).
create table upload_bytes (
    upload_id  bigint primary key references upload (id) on delete cascade,
    bytes      bytea  not null
);
