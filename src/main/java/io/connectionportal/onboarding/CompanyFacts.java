package io.connectionportal.onboarding;

import java.util.Optional;

/**
 * What a connected accounting platform says about the company, used to prefill its profile (F5).
 * Implemented where synced data lives, so onboarding does not depend on how syncs store it.
 */
public interface CompanyFacts {

    record Facts(String source, String legalName, String registrationNumber, String taxNumber, String addressLine,
            String postalCode, String city, String country, String baseCurrency) {
    }

    /** From the company's linked accounting connection's last sync, if there is one. */
    Optional<Facts> fromAccounting(long companyId);
}
