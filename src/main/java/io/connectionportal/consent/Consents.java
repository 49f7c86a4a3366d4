package io.connectionportal.consent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.hibernate.orm.panache.Panache;

import io.connectionportal.audit.AuditTrail;
import io.connectionportal.audit.AuditType;
import io.connectionportal.monitor.FunnelEvents;
import io.connectionportal.monitor.FunnelStep;
import io.connectionportal.platforms.Category;
import io.connectionportal.shared.ClientInfo;
import io.connectionportal.shared.CurrentUser;
import io.connectionportal.shared.PortalConfig;

/**
 * Records consents, their withdrawals and NDA acceptances for the signed-in user's company and answers what it has
 * agreed to.
 */
@ApplicationScoped
public class Consents {

    private final PortalConfig config;
    private final CurrentUser viewer;
    private final ClientInfo client;
    private final AuditTrail audit;
    private final FunnelEvents funnel;

    Consents(PortalConfig config, CurrentUser viewer, ClientInfo client, AuditTrail audit, FunnelEvents funnel) {
        this.funnel = funnel;
        this.config = config;
        this.viewer = viewer;
        this.client = client;
        this.audit = audit;
    }

    public String policyVersion() {
        return config.policy().version();
    }

    /** Records the signed-in user's consent to share {@code categories}, given with the control {@code source}. */
    @Transactional
    public ConsentRecord record(Set<Category> categories, ConsentSource source) {
        ConsentRecord consent = newRecord(ConsentRecord.Kind.GIVEN, categories, source);
        // Consent is given per category before any connection exists; the trail shows it on each connection of that
        // category.
        audit.record(consent.companyId, null, null, AuditType.CONSENT_GIVEN, viewer.email(), consent.categories);
        categories.forEach(category -> funnel.record(FunnelStep.CONSENT_GIVEN, category, null, viewer.companyId()));
        return consent;
    }

    /**
     * Records that the signed-in user's company withdraws its consent to share {@code category}, kept like a consent
     * (who, when, policy version, address, browser, page). Empty when it had not agreed to it (nothing to withdraw):
     * a second click records nothing. Connections of that kind are the caller's to stop.
     */
    @Transactional
    public Optional<ConsentRecord> withdraw(Category category, ConsentSource source) {
        if (!consentedCategories().contains(category)) {
            return Optional.empty();
        }
        ConsentRecord withdrawal = newRecord(ConsentRecord.Kind.WITHDRAWN, Set.of(category), source);
        audit.record(
                withdrawal.companyId, null, null, AuditType.CONSENT_WITHDRAWN, viewer.email(), withdrawal.categories);
        return Optional.of(withdrawal);
    }

    private ConsentRecord newRecord(ConsentRecord.Kind kind, Set<Category> categories, ConsentSource source) {
        ConsentRecord record = new ConsentRecord();
        record.signedBy(viewer, client);
        record.kind = kind;
        record.sourceCode = source.code();
        record.policyVersion = policyVersion();
        record.categories = ConsentRecord.join(categories);
        record.givenAt = Instant.now();
        record.persist();
        return record;
    }

    /** Categories the signed-in user's company has consented to under the current policy version. */
    public Set<Category> consentedCategories() {
        return consentedCategories(viewer.companyId());
    }

    /**
     * The same for a company reached without a session, through a colleague's share link. The ledger is read in the
     * order it was written: a withdrawal undoes the consents before it, and a consent given after it counts again.
     */
    public Set<Category> consentedCategories(long companyId) {
        Set<Category> consented = EnumSet.noneOf(Category.class);
        List<ConsentRecord> oldestFirst = new ArrayList<>(records(companyId));
        Collections.reverse(oldestFirst);
        for (ConsentRecord record : oldestFirst) {
            if (record.withdrawn()) {
                consented.removeAll(record.categorySet());
            } else {
                consented.addAll(record.categorySet());
            }
        }
        return consented;
    }

    /** The signed-in company's consents and withdrawals under the current policy, newest first. */
    public List<ConsentRecord> currentRecords() {
        return records(viewer.companyId());
    }

    /** Every consent and withdrawal the company ever recorded, under any policy, oldest first (its export). */
    public List<ConsentRecord> allRecords(long companyId) {
        return ConsentRecord.list("companyId = ?1 order by givenAt, id", companyId);
    }

    private List<ConsentRecord> records(long companyId) {
        return ConsentRecord.list(
                "companyId = ?1 and policyVersion = ?2 order by givenAt desc, id desc", companyId, policyVersion());
    }

    /**
     * For a company being deleted, in the caller's transaction: its consents, withdrawals and NDA acceptances stay
     * as proof of what was agreed, when, under which policy and on which page (GDPR art. 7(1)), but no longer say who
     * agreed or from which address and browser. A bulk update, as the records are otherwise never changed.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void pseudonymise(long companyId) {
        for (String table : List.of("consent_record", "nda_acceptance")) {
            Panache.getEntityManager()
                    .createNativeQuery("update " + table
                            + " set user_id = null, ip_address = null, user_agent = null where company_id = ?1")
                    .setParameter(1, companyId)
                    .executeUpdate();
        }
    }

    @Transactional
    public NdaAcceptance acceptNda() {
        NdaAcceptance acceptance = new NdaAcceptance();
        acceptance.signedBy(viewer, client);
        acceptance.ndaVersion = config.policy().ndaVersion();
        acceptance.acceptedAt = Instant.now();
        acceptance.persist();
        return acceptance;
    }

    public Optional<NdaAcceptance> ndaAcceptance() {
        return NdaAcceptance.find(
                        "companyId = ?1 and ndaVersion = ?2 order by acceptedAt desc",
                        viewer.companyId(),
                        config.policy().ndaVersion())
                .firstResultOptional();
    }

    public String ndaVersion() {
        return config.policy().ndaVersion();
    }
}
