-- A company can cancel a share link it sent (issue 13, point 11): the colleague who opens it afterwards is told it was
-- cancelled, not that it expired. Null while the link was never cancelled.
alter table share_link add column cancelled_at timestamp with time zone;
