package io.connectionportal.api;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.connectionportal.shared.Company;

/** A company as the API shows it. */
@Schema(name = "Company")
record CompanyView(
        @Schema(example = "42") long id,
        @Schema(example = "Boulangerie Martin") String name,

        @JsonInclude(JsonInclude.Include.ALWAYS) @Schema(example = "cust_8812", nullable = true)
        String externalRef,

        @Schema(example = "FR", nullable = true) String country,
        @Schema(example = "fr", nullable = true) String language,
        @Schema(example = "2026-11-30T20:33:00Z") Instant createdAt) {

    static CompanyView of(Company company) {
        return new CompanyView(
                company.id, company.name, company.externalRef, company.country, company.language, company.createdAt);
    }
}
