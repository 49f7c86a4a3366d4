package io.connectionportal.connectors;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;

import io.connectionportal.connectors.TokenCipher.UndecryptableTokenException;
import io.connectionportal.shared.FinishesBeforeStop;

/**
 * Re-encrypts, every {@code portal.token-rotation-every} (default 1 min; {@code off} disables it), the values
 * still under an older token key (or written as {@code v1:}) under the current key, column by column in small
 * batches, each read and each write its own short transaction. A value is replaced only while it is still what
 * was read (a conditional update), so several instances may run it at once and a token a sync just rotated is
 * never overwritten. Values no configured key opens are left as they are and reported to their feature.
 */
@ApplicationScoped
public class TokenRotation {

    static final int BATCH = 100;

    /** What one pass did: values moved to the current key, and values no configured key opens. */
    public record Pass(int reencrypted, int undecryptable) {}

    private final TokenCipher cipher;
    private final TokenKeySetup setup;
    private final TokenKeyStore store;

    TokenRotation(TokenCipher cipher, TokenKeySetup setup, TokenKeyStore store) {
        this.cipher = cipher;
        this.setup = setup;
        this.store = store;
    }

    // The default is PortalConfig#tokenRotationEvery's, which the configuration knows without repeating it here.
    @FinishesBeforeStop
    @Scheduled(
            identity = "token-rotation",
            every = "${portal.token-rotation-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        runOnce();
    }

    /** One pass over every encrypted column. */
    public Pass runOnce() {
        String current = setup.keys().currentId();
        int reencrypted = 0;
        int undecryptable = 0;
        for (EncryptedColumn column : store.columns()) {
            long after = 0;
            while (true) {
                List<TokenKeyStore.Sealed> batch = store.notUnder(column, current, after, BATCH);
                if (batch.isEmpty()) {
                    break;
                }
                List<TokenKeyStore.Sealed> read = new ArrayList<>();
                List<String> replacements = new ArrayList<>();
                for (TokenKeyStore.Sealed sealed : batch) {
                    after = sealed.id();
                    try {
                        replacements.add(cipher.reencrypt(sealed.value(), sealed.boundTo()));
                        read.add(sealed);
                    } catch (UndecryptableTokenException e) {
                        undecryptable++;
                        Log.debugf("Token rotation: %s of row %d: %s", column, sealed.id(), e.getMessage());
                        store.owners().forEach(owner -> {
                            if (owner.encryptedColumns().contains(column)) {
                                owner.undecryptable(column, sealed.id(), e);
                            }
                        });
                    }
                }
                reencrypted += store.replace(read, replacements);
                if (batch.size() < BATCH) {
                    break;
                }
            }
        }
        if (reencrypted > 0) {
            Log.infof(
                    "Token rotation: %d values re-encrypted under token key '%s'; %d do not decrypt with any configured key",
                    reencrypted, current, undecryptable);
        }
        return new Pass(reencrypted, undecryptable);
    }
}
