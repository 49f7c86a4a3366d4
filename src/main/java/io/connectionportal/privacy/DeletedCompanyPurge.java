package io.connectionportal.privacy;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

import io.connectionportal.shared.FinishesBeforeStop;
import io.connectionportal.shared.PortalConfig;

/**
 * Ends the proof period of deleted companies ({@code portal.retention.deleted-companies}, five years by default):
 * their pseudonymised consents, NDA acceptances and audit events go, then the emptied company row, once no
 * revocation of theirs is still being retried. Each company in its own short transaction; deleting is idempotent, so
 * every instance runs it without claiming it.
 */
@ApplicationScoped
class DeletedCompanyPurge {

    private static final List<String> TOMBSTONES = List.of(
            "delete from consent_record where company_id = ?1",
            "delete from nda_acceptance where company_id = ?1",
            "delete from audit_event where company_id = ?1",
            "delete from revocation where company_id = ?1 and (revoked_at is not null or abandoned_at is not null)");

    private final PortalConfig config;

    DeletedCompanyPurge(PortalConfig config) {
        this.config = config;
    }

    @FinishesBeforeStop
    @Scheduled(
            identity = "deleted-company-purge",
            every = "${portal.retention.purge-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        int purged = purge(Instant.now());
        if (purged > 0) {
            Log.infof("Retention purge erased the last records of %d deleted compan(ies)", purged);
        }
    }

    /** Erases what is left of companies deleted longer ago than the proof period; returns how many were erased whole. */
    int purge(Instant now) {
        Instant cutoff = now.minus(config.retention().deletedCompanies());
        @SuppressWarnings("unchecked")
        List<Number> ids = QuarkusTransaction.requiringNew()
                .call(() -> Panache.getEntityManager()
                        .createNativeQuery("select id from company where deleted_at < ?1 order by id")
                        .setParameter(1, cutoff)
                        .getResultList());
        int erased = 0;
        for (Number id : ids) {
            erased += QuarkusTransaction.requiringNew().call(() -> purge(id.longValue())) ? 1 : 0;
        }
        return erased;
    }

    private static boolean purge(long companyId) {
        EntityManager em = Panache.getEntityManager();
        for (String sql : TOMBSTONES) {
            em.createNativeQuery(sql).setParameter(1, companyId).executeUpdate();
        }
        // A revocation still being retried keeps the company row (its foreign key) until the provider answers.
        return em.createNativeQuery("delete from company where id = ?1 and deleted_at is not null"
                                + " and not exists (select 1 from revocation r where r.company_id = ?1)")
                        .setParameter(1, companyId)
                        .executeUpdate()
                > 0;
    }
}
