-- Idle timeout (ASVS 3.3.2): when the session was last used, written at most once a minute.
alter table user_session add column last_seen_at timestamp with time zone;
update user_session set last_seen_at = created_at;
alter table user_session alter column last_seen_at set not null;
-- When the password was last asked again in this session, before a sensitive action (ASVS 3.7.1).
alter table user_session add column reauthenticated_at timestamp with time zone;
create index ix_user_session_user on user_session (user_id);
