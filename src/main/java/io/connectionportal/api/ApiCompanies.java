package io.connectionportal.api;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import io.quarkus.narayana.jta.QuarkusTransaction;

import io.connectionportal.privacy.AccountDeletion;
import io.connectionportal.shared.Company;
import io.connectionportal.shared.CompanyCreated;
import io.connectionportal.shared.Language;
import io.connectionportal.shared.TimeZones;

/** Companies as the integrator creates and reads them; a company made here has no user until the business signs up. */
@ApplicationScoped
class ApiCompanies {

    private final AccountDeletion deletion;
    private final Event<CompanyCreated> companyCreated;

    ApiCompanies(AccountDeletion deletion, Event<CompanyCreated> companyCreated) {
        this.deletion = deletion;
        this.companyCreated = companyCreated;
    }

    ApiResponse create(NewCompany input) {
        if (input.externalRef() != null && externalRefTaken(input.externalRef())) {
            return ApiResponse.of(duplicate());
        }
        try {
            CompanyView created = QuarkusTransaction.requiringNew().call(() -> {
                Company company = new Company();
                company.name = input.name();
                company.externalRef = input.externalRef();
                company.country = input.country();
                company.language = input.language();
                company.timeZone = TimeZones.guess(
                                Language.fromTag(input.language()).orElse(Language.EN), input.country())
                        .getId();
                company.createdAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
                company.persistAndFlush();
                // In this transaction, so the webhook outbox commits with the company: one company.created.
                companyCreated.fire(new CompanyCreated(company.id));
                return CompanyView.of(company);
            });
            return new ApiResponse(201, Json.write(created), "/api/v1/companies/" + created.id());
        } catch (RuntimeException e) {
            // Two requests with the same reference at once: the unique index let the other one in.
            if (input.externalRef() != null && externalRefTaken(input.externalRef())) {
                return ApiResponse.of(duplicate());
            }
            throw e;
        }
    }

    Optional<CompanyView> find(long id) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Company.<Company>find("id = ?1 and deletedAt is null", id)
                        .firstResultOptional()
                        .map(CompanyView::of));
    }

    Page<CompanyView> page(String externalRef, long after, int limit) {
        List<Company> found = QuarkusTransaction.requiringNew()
                .call(() -> (externalRef == null
                                ? Company.<Company>find("id > ?1 and deletedAt is null order by id", after)
                                : Company.<Company>find(
                                        "externalRef = ?1 and id > ?2 and deletedAt is null order by id",
                                        externalRef,
                                        after))
                        .page(0, limit + 1)
                        .list());
        List<CompanyView> shown =
                found.stream().limit(limit).map(CompanyView::of).toList();
        String next =
                found.size() > limit ? Page.cursorAfter(shown.get(limit - 1).id()) : null;
        return new Page<>(shown, next);
    }

    /**
     * Erases the company exactly as its owner's "Delete the account" does: every connection revoked at its provider and
     * deleted, every row erased but the pseudonymised tombstones. Calls providers: never inside a transaction. False when
     * there is no such company (or it is already erased).
     */
    boolean delete(long id, String actor) {
        if (find(id).isEmpty()) {
            return false;
        }
        deletion.delete(id, actor);
        // The stored answers of its creation name it: they go with it rather than at the end of their 24 hours.
        QuarkusTransaction.requiringNew()
                .run(() -> IdempotencyRecord.delete("responseLocation", "/api/v1/companies/" + id));
        return true;
    }

    private static boolean externalRefTaken(String externalRef) {
        return QuarkusTransaction.requiringNew().call(() -> Company.count("externalRef", externalRef) > 0);
    }

    private static Problem duplicate() {
        return Problem.of(
                409,
                "duplicate-external-ref",
                "External reference already used",
                "A company with this externalRef already exists; read it with GET /api/v1/companies?externalRef=.");
    }
}
