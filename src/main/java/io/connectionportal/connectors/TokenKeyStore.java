package io.connectionportal.connectors;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * What the database holds about token keys: the check values in {@code token_key_check}, and the encrypted
 * values of every {@link EncryptedColumn} the features declare. Each call is its own short transaction.
 */
@ApplicationScoped
class TokenKeyStore implements TokenKeyCheck.Stored {

    /** One stored encrypted value, with what it is bound to. */
    record Sealed(EncryptedColumn column, long id, String value, String boundTo) {}

    private final EntityManager em;
    private final Instance<EncryptedColumns> owners;

    TokenKeyStore(EntityManager em, Instance<EncryptedColumns> owners) {
        this.em = em;
        this.owners = owners;
    }

    List<EncryptedColumn> columns() {
        List<EncryptedColumn> columns = new ArrayList<>();
        owners.forEach(owner -> columns.addAll(owner.encryptedColumns()));
        return columns;
    }

    Instance<EncryptedColumns> owners() {
        return owners;
    }

    @Override
    public Map<String, String> checkValues() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<String, String> values = new LinkedHashMap<>();
            for (Object row : em.createNativeQuery("select key_id, check_value from token_key_check order by key_id")
                    .getResultList()) {
                Object[] columns = (Object[]) row;
                values.put((String) columns[0], (String) columns[1]);
            }
            return values;
        });
    }

    /** Whether any column holds an encrypted value at all. */
    boolean anyEncrypted() {
        return QuarkusTransaction.requiringNew()
                .call(() -> columns().stream()
                        .anyMatch(c -> !em.createNativeQuery(
                                        "select id from " + c.table() + " where " + c.column() + " is not null")
                                .setMaxResults(1)
                                .getResultList()
                                .isEmpty()));
    }

    @Override
    public boolean anyUnder(String keyId) {
        return !samples(keyId, 1).isEmpty();
    }

    @Override
    public List<Sealed> samples(String keyId, int max) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<Sealed> found = new ArrayList<>();
            for (EncryptedColumn c : columns()) {
                String under = c.column() + " like ?1"
                        + (TokenKeys.DEFAULT_ID.equals(keyId) ? " or " + c.column() + " like 'v1:%'" : "");
                found.addAll(sealed(
                        c,
                        em.createNativeQuery("select id, " + c.column() + ", " + c.binding() + " from " + c.table()
                                        + " where " + under + " order by id desc")
                                .setParameter(1, "v2:" + keyId + ":%")
                                .setMaxResults(max)
                                .getResultList()));
            }
            return found;
        });
    }

    /** Up to {@code max} values of {@code column} not under {@code currentKeyId}, after row {@code afterId}. */
    List<Sealed> notUnder(EncryptedColumn c, String currentKeyId, long afterId, int max) {
        return QuarkusTransaction.requiringNew()
                .call(() -> sealed(
                        c,
                        em.createNativeQuery("select id, " + c.column() + ", " + c.binding() + " from " + c.table()
                                        + " where " + c.column() + " is not null and " + c.column()
                                        + " not like ?1 and id > ?2 order by id")
                                .setParameter(1, "v2:" + currentKeyId + ":%")
                                .setParameter(2, afterId)
                                .setMaxResults(max)
                                .getResultList()));
    }

    /**
     * Replaces the values that are still what was read (a conditional update, so a token rotated by its sync or
     * an instance that got there first wins), in one short transaction. Returns how many were replaced.
     */
    int replace(List<Sealed> read, List<String> replacements) {
        return QuarkusTransaction.requiringNew().call(() -> {
            int replaced = 0;
            for (int i = 0; i < read.size(); i++) {
                Sealed old = read.get(i);
                replaced += em.createNativeQuery("update " + old.column().table() + " set "
                                + old.column().column() + " = ?1 where id = ?2 and "
                                + old.column().column() + " = ?3")
                        .setParameter(1, replacements.get(i))
                        .setParameter(2, old.id())
                        .setParameter(3, old.value())
                        .executeUpdate();
            }
            return replaced;
        });
    }

    /** Stores the check value of each configured key that has none yet. */
    void recordChecks(TokenKeys keys) {
        Map<String, String> known = checkValues();
        for (String id : keys.ids()) {
            if (known.containsKey(id)) {
                continue;
            }
            try {
                QuarkusTransaction.requiringNew()
                        .run(() -> em.createNativeQuery(
                                        "insert into token_key_check (key_id, check_value, created_at) values (?1, ?2, current_timestamp)")
                                .setParameter(1, id)
                                .setParameter(2, keys.checkValue(id))
                                .executeUpdate());
                Log.infof("Recorded the check value of token key '%s'", id);
            } catch (RuntimeException e) {
                // Another instance recorded it at the same moment; its next start-up compares the two.
                Log.infof("The check value of token key '%s' was recorded by another instance", id);
            }
        }
    }

    private static List<Sealed> sealed(EncryptedColumn column, List<?> rows) {
        List<Sealed> sealed = new ArrayList<>();
        for (Object row : rows) {
            Object[] columns = (Object[]) row;
            sealed.add(new Sealed(column, ((Number) columns[0]).longValue(), (String) columns[1], (String) columns[2]));
        }
        return sealed;
    }
}
