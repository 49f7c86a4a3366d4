package io.connectionportal.connect;

import jakarta.enterprise.context.ApplicationScoped;

import io.connectionportal.connectors.AccountHint;
import io.connectionportal.onboarding.CompanyProfile;
import io.connectionportal.shared.Company;
import io.connectionportal.shared.Countries;
import io.connectionportal.shared.CurrentLanguage;
import io.connectionportal.shared.Hashes;

/**
 * What the portal tells the sandbox about the business being sent to sign in: a pseudonym that is the same on
 * every authorization, so reconnecting finds the same sandbox company, and the country the business is in.
 */
@ApplicationScoped
class AccountHints {

    private final Countries countries;
    private final CurrentLanguage language;

    AccountHints(Countries countries, CurrentLanguage language) {
        this.countries = countries;
        this.language = language;
    }

    AccountHint forCompany(long companyId) {
        // Derived from the id, stable for as long as the company exists; the sandbox stands in for a third party,
        // which gets a name for the business rather than the portal's row numbers.
        String subject =
                "portal-company-" + Hashes.sha256Hex("company:" + companyId).substring(0, 32);
        return new AccountHint(subject, language.tag() + "-" + country(companyId));
    }

    /** The country the integrator gave, else the one on the company profile, else the reader's language's. */
    private String country(long companyId) {
        Company company = Company.findById(companyId);
        return Countries.code(company == null ? null : company.country)
                .or(() -> CompanyProfile.<CompanyProfile>findByIdOptional(companyId)
                        .flatMap(profile -> Countries.code(profile.country)))
                .orElseGet(countries::ofLanguage);
    }
}
