package io.connectionportal.privacy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.narayana.jta.QuarkusTransaction;

import io.connectionportal.connections.Connection;
import io.connectionportal.manage.ManageConnections;
import io.connectionportal.uploads.UploadErasure;

/**
 * Deletes a company and its account (GDPR art. 17), in this order: nobody can sign in, use a share link or finish an
 * authorization any more; every connection is revoked at its provider and deleted, exactly as the dashboard's Delete
 * does (through the revocation outbox, outside any transaction: a provider that does not answer is retried by
 * {@code RevocationRetrier} afterwards, and never blocks the deletion); then everything else is erased in one
 * transaction; then the uploaded files leave the disk.
 */
@ApplicationScoped
public class AccountDeletion {

    /** If connections keep appearing while the others are revoked, something is wrong: give up rather than loop. */
    static final int ROUNDS = 3;

    /** What the deletion did: connections deleted, and how many of them their provider has not confirmed revoking. */
    public record Outcome(int connections, int revocationsPending, int files) {}

    private final ManageConnections manage;
    private final CompanyErasure erasure;
    private final UploadErasure uploads;

    AccountDeletion(ManageConnections manage, CompanyErasure erasure, UploadErasure uploads) {
        this.manage = manage;
        this.erasure = erasure;
        this.uploads = uploads;
    }

    /** Must run outside any transaction: the providers are called. {@code actor} is recorded, then erased. */
    public Outcome delete(long companyId, String actor) {
        erasure.closeTheDoors(companyId);
        int connections = 0;
        int pending = 0;
        for (int round = 0; round < ROUNDS; round++) {
            List<Long> ids = QuarkusTransaction.requiringNew()
                    .call(() -> Connection.ofCompany(companyId).stream()
                            .map(c -> c.id)
                            .toList());
            for (long id : ids) {
                Optional<ManageConnections.Result> result = manage.delete(companyId, id, actor);
                if (result.filter(ManageConnections.Result::changed).isPresent()) {
                    connections++;
                    pending += result.get().revocationPending() ? 1 : 0;
                }
            }
            Optional<List<String>> files = erasure.erase(companyId, Instant.now());
            if (files.isPresent()) {
                uploads.deleteFiles(files.get());
                return new Outcome(connections, pending, files.get().size());
            }
        }
        throw new IllegalStateException("Company " + companyId + " kept gaining connections while being deleted");
    }
}
