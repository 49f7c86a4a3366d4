package io.connectionportal.privacy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;

import io.connectionportal.audit.AuditEvent;
import io.connectionportal.audit.AuditTrail;
import io.connectionportal.audit.AuditType;
import io.connectionportal.audit.DataReads;
import io.connectionportal.connections.Connection;
import io.connectionportal.connections.ConnectionStatus;
import io.connectionportal.consent.Consents;
import io.connectionportal.shared.Company;
import io.connectionportal.uploads.UploadErasure;

/**
 * The database side of deleting a company: every row it owns, in every feature's tables, except the tombstones the
 * law needs (pseudonymised consents and audit events, revocations still being retried, and the emptied company row
 * they hang on). Features that offer an erasure of their own are asked for it (consent, audit, data reads, uploads); the others'
 * tables are named here, in an order their foreign keys accept. {@code AccountDeletionTest} reads the whole schema, so
 * a table added later with a company or user column fails it until it is added here.
 */
@ApplicationScoped
class CompanyErasure {

    /** Rows to delete by company, children before parents. */
    private static final List<String> BY_COMPANY = List.of(
            "delete from sync_run_count where run_id in (select id from sync_run where company_id = ?1)",
            "delete from sync_job where company_id = ?1",
            "delete from sync_run where company_id = ?1",
            "delete from synced_record where company_id = ?1",
            "delete from connection_record_count where company_id = ?1",
            "delete from connection_summary where company_id = ?1",
            "delete from authorization_attempt where company_id = ?1",
            "delete from connection where company_id = ?1",
            "delete from share_link where company_id = ?1",
            "delete from hosted_link where company_id = ?1",
            "delete from support_request where company_id = ?1"
                    + " or user_id in (select id from app_user where company_id = ?1)",
            "delete from company_profile where company_id = ?1",
            // E-mail not yet sent to, or on behalf of, the company's people (greeting, reset link, support request),
            // and the copies of those sent: the outbox names them by address only.
            "delete from mail_outbox where recipient in (select email from app_user where company_id = ?1)"
                    + " or reply_to in (select email from app_user where company_id = ?1)");

    private final Consents consents;
    private final AuditTrail audit;
    private final UploadErasure uploads;
    private final DataReads dataReads;

    CompanyErasure(Consents consents, AuditTrail audit, UploadErasure uploads, DataReads dataReads) {
        this.consents = consents;
        this.audit = audit;
        this.uploads = uploads;
        this.dataReads = dataReads;
    }

    /**
     * Before the connections are revoked: nobody of the company is signed in any more, no share link or hosted link can be used and
     * no authorization under way can complete, so no new connection appears while the others are being revoked.
     */
    void closeTheDoors(long companyId) {
        QuarkusTransaction.requiringNew().run(() -> {
            EntityManager em = Panache.getEntityManager();
            execute(
                    em,
                    "delete from user_session where user_id in (select id from app_user where company_id = ?1)",
                    companyId);
            execute(em, "delete from authorization_attempt where company_id = ?1", companyId);
            execute(em, "update connection set share_link_id = null where company_id = ?1", companyId);
            execute(em, "delete from share_link where company_id = ?1", companyId);
            execute(em, "delete from hosted_link where company_id = ?1", companyId);
        });
    }

    /**
     * Erases the company, its users and everything they own, in one transaction with the company row locked (the lock
     * a connection takes to become linked). Empty, and nothing changed, when a connection still holds tokens: the
     * caller revokes it first. Otherwise the names of the uploaded files, to delete once this has committed.
     */
    Optional<List<String>> erase(long companyId, Instant now) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Company.findById(companyId, LockModeType.PESSIMISTIC_WRITE);
            // Only a connection still waiting for its authorization holds no token; any other must be revoked first.
            if (Connection.count("companyId = ?1 and status <> ?2", companyId, ConnectionStatus.PENDING_AUTH) > 0) {
                return Optional.<List<String>>empty();
            }
            EntityManager em = Panache.getEntityManager();
            for (String sql : BY_COMPANY) {
                execute(em, sql, companyId);
            }
            List<String> files = uploads.eraseRows(companyId);
            consents.pseudonymise(companyId);
            audit.reduceToTombstones(companyId);
            dataReads.eraseCompany(companyId);
            execute(
                    em,
                    "delete from user_session where user_id in (select id from app_user where company_id = ?1)",
                    companyId);
            execute(em, "delete from app_user where company_id = ?1", companyId);
            em.createNativeQuery("update company set name = '', external_ref = null, country = null, language = null,"
                            + " deleted_at = ?1 where id = ?2")
                    .setParameter(1, now)
                    .setParameter(2, companyId)
                    .executeUpdate();
            audit.record(companyId, null, null, AuditType.ACCOUNT_DELETED, AuditEvent.ERASED, null);
            return Optional.of(files);
        });
    }

    private static void execute(EntityManager em, String sql, long companyId) {
        em.createNativeQuery(sql).setParameter(1, companyId).executeUpdate();
    }
}
