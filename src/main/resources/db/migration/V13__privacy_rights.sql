-- Privacy rights in the product (issue 9, point 8). Portable across H2 and PostgreSQL like V1.

-- How each consent was given: the page and control, as a stable code (consent/ConsentSource); rows from before
-- this migration say they do not know. A row either gives or withdraws consent: one append-only ledger per company,
-- in which the latest row for a category decides whether the company agrees to share it.
alter table consent_record add column source varchar(60) default 'legacy/unknown' not null;
alter table consent_record add column kind varchar(10) default 'GIVEN' not null;

-- A deleted company keeps its consents and NDA acceptances as proof (GDPR art. 7(1)) for a limited period, without
-- anything that names a person: who, from which address and browser are erased.
alter table consent_record alter column user_id drop not null;
alter table consent_record alter column ip_address drop not null;
alter table consent_record alter column user_agent drop not null;
alter table nda_acceptance alter column user_id drop not null;
alter table nda_acceptance alter column ip_address drop not null;
alter table nda_acceptance alter column user_agent drop not null;

-- A deleted company keeps its row, emptied (no name) and marked, so that the tombstones that reference it (consents,
-- audit events, revocations still being retried) keep their foreign keys; the purge removes it all after the proof
-- period.
alter table company add column deleted_at timestamp with time zone;
create index ix_company_deleted on company (deleted_at);

-- The activity page reads a company's newest events a page at a time, by id.
create index ix_audit_event_company_id on audit_event (company_id, id);
