package io.connectionportal.consent;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.connectionportal.audit.AuditTrail;
import io.connectionportal.audit.AuditType;
import io.connectionportal.monitor.FunnelEvents;
import io.connectionportal.monitor.FunnelStep;
import io.connectionportal.platforms.Category;
import io.connectionportal.shared.ClientInfo;
import io.connectionportal.shared.CurrentUser;
import io.connectionportal.shared.PortalConfig;

/** Records consents and NDA acceptances for the signed-in user's company and answers what it has agreed to. */
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

    @Transactional
    public ConsentRecord record(Set<Category> categories) {
        ConsentRecord consent = new ConsentRecord();
        consent.signedBy(viewer, client);
        consent.policyVersion = policyVersion();
        consent.categories = ConsentRecord.join(categories);
        consent.givenAt = Instant.now();
        consent.persist();
        // Consent is given per category before any connection exists; the trail shows it on each connection of that
        // category.
        audit.record(consent.companyId, null, null, AuditType.CONSENT_GIVEN, viewer.email(), consent.categories);
        categories.forEach(category -> funnel.record(FunnelStep.CONSENT_GIVEN, category, null, viewer.companyId()));
        return consent;
    }

    /** Categories the signed-in user's company has consented to under the current policy version. */
    public Set<Category> consentedCategories() {
        return consentedCategories(viewer.companyId());
    }

    /** The same for a company reached without a session, through a colleague's share link. */
    public Set<Category> consentedCategories(long companyId) {
        Set<Category> consented = EnumSet.noneOf(Category.class);
        records(companyId).forEach(r -> consented.addAll(r.categorySet()));
        return consented;
    }

    public List<ConsentRecord> currentRecords() {
        return records(viewer.companyId());
    }

    private List<ConsentRecord> records(long companyId) {
        return ConsentRecord.list(
                "companyId = ?1 and policyVersion = ?2 order by givenAt desc", companyId, policyVersion());
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
