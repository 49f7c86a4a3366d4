package io.connectionportal.onboarding;

import java.time.Instant;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The company's details as the business confirmed them: prefilled from its accounting platform, then reviewed. */
@Entity
@Table(name = "company_profile")
public class CompanyProfile extends PanacheEntityBase {

    @Id
    @Column(name = "company_id")
    public Long companyId;

    @Column(name = "legal_name", nullable = false)
    public String legalName;

    @Column(name = "registration_number")
    public String registrationNumber;

    @Column(name = "tax_number")
    public String taxNumber;

    @Column(name = "address_line")
    public String addressLine;

    @Column(name = "postal_code")
    public String postalCode;

    public String city;

    public String country;

    @Column(name = "base_currency")
    public String baseCurrency;

    /** The platform the values were first taken from, or null when typed in. */
    @Column(name = "prefilled_from")
    public String prefilledFrom;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    static Optional<CompanyProfile> of(long companyId) {
        return findByIdOptional(companyId);
    }
}
