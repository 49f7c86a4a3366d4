-- Leases for sync jobs, so several instances can share one queue (issue 12). A worker that claims a job holds it
-- until lease_until and renews it while it works; a RUNNING job whose lease has ended (its worker died) may be
-- claimed again by any instance. claimed_by (V5) names the instance holding it. RUNNING jobs left by an earlier
-- version have no lease and count as ended.
alter table sync_job add column lease_until timestamp with time zone;
