package io.connectionportal.sync;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

import io.connectionportal.platforms.DataType;

/**
 * Keeps {@link ConnectionSummary} and {@link RecordCount} in step with what a sync stores, inside the sync's own
 * transaction (the caller holds the connection's row lock, so two instances never write one connection's summary at
 * once). The JSON of the company details and bank accounts is parsed here, once per sync, not once per page view.
 */
@ApplicationScoped
class ConnectionSummaries {

    private static final int BACKFILL_BATCH = 100;

    private final ObjectMapper json;

    ConnectionSummaries(ObjectMapper json) {
        this.json = json;
    }

    /** Records how a run ended; {@code counts} are the new totals of the types it stored. */
    void recordRun(SyncRun run, long companyId, Map<DataType, Integer> counts) {
        ConnectionSummary summary = ConnectionSummary.findById(run.connectionId);
        if (summary == null) {
            summary = new ConnectionSummary();
            summary.connectionId = run.connectionId;
            summary.companyId = companyId;
            summary.persist();
        }
        summary.lastAttemptAt = run.endedAt;
        summary.lastOutcome = run.outcome;
        summary.lastError = run.errorMessage;
        if (run.outcome == SyncOutcome.SUCCESS) {
            if (summary.firstSyncedAt == null) {
                summary.firstSyncedAt = run.endedAt;
            }
            summary.lastSyncedAt = run.endedAt;
        }
        counts.forEach((type, records) -> {
            RecordCount count = RecordCount.findById(new RecordCount.Key(run.connectionId, type));
            if (count == null) {
                count = new RecordCount();
                count.connectionId = run.connectionId;
                count.dataType = type;
                count.companyId = companyId;
                count.persist();
            }
            count.records = records;
        });
        if (counts.containsKey(DataType.COMPANY_INFO) || counts.containsKey(DataType.BANK_ACCOUNTS)) {
            readFacts(summary);
        }
    }

    /**
     * Rows carried over by the migration have no facts yet: read them once from the stored records. Idempotent, so
     * two instances starting together at worst do the same small work twice.
     */
    void onStart(@Observes StartupEvent event) {
        if (!factsPending()) {
            return;
        }
        int filled = 0;
        List<Long> pending;
        do {
            pending = QuarkusTransaction.requiringNew().call(() -> {
                List<ConnectionSummary> batch = ConnectionSummary.<ConnectionSummary>find(
                                "factsPending = true order by connectionId")
                        .page(0, BACKFILL_BATCH)
                        .list();
                batch.forEach(this::readFacts);
                return batch.stream().map(s -> s.connectionId).toList();
            });
            filled += pending.size();
        } while (pending.size() == BACKFILL_BATCH);
        if (filled > 0) {
            Log.infof("Read the company details and bank accounts of %d connections into their summaries", filled);
        }
    }

    /**
     * Whether any summary waits for its facts: none does at every start but the first after the migration, which this
     * SQL tells without the HQL parser's first use (a tenth of a second) delaying the start.
     */
    private static boolean factsPending() {
        return QuarkusTransaction.requiringNew()
                .call(() -> !ConnectionSummary.getEntityManager()
                        .createNativeQuery(
                                "select 1 from connection_summary where facts_pending = true fetch first 1 rows only")
                        .getResultList()
                        .isEmpty());
    }

    /** Legal name, currency and bank account lines from the connection's stored records, in the provider's order. */
    private void readFacts(ConnectionSummary summary) {
        List<Object[]> rows = SyncedRecord.getEntityManager()
                .createQuery("""
                select r.dataType, r.payload from SyncedRecord r
                where r.connectionId = :connection and r.dataType in :types order by r.id""", Object[].class)
                .setParameter("connection", summary.connectionId)
                .setParameter("types", List.of(DataType.COMPANY_INFO, DataType.BANK_ACCOUNTS))
                .getResultList();
        summary.legalName = null;
        summary.baseCurrency = null;
        List<String> accounts = new ArrayList<>();
        for (Object[] row : rows) {
            JsonNode payload = parse((String) row[1]);
            if (row[0] == DataType.COMPANY_INFO) {
                summary.legalName = limit(text(payload, "legalName"), 300);
                summary.baseCurrency = limit(text(payload, "baseCurrency"), 10);
            } else {
                accounts.add(String.join(
                        String.valueOf(ConnectionSummary.FIELD),
                        text(payload, "name"),
                        text(payload, "maskedAccountNumber"),
                        text(payload, "currency")));
            }
        }
        // A column has a size: past it, the dashboard shows the first accounts rather than the sync failing.
        StringBuilder lines = new StringBuilder();
        for (String account : accounts) {
            if (lines.length() + account.length() + 1 > 4000) {
                break;
            }
            lines.append(lines.isEmpty() ? "" : String.valueOf(ConnectionSummary.LINE))
                    .append(account);
        }
        summary.bankAccounts = lines.isEmpty() ? null : lines.toString();
        summary.factsPending = false;
    }

    private JsonNode parse(String payload) {
        try {
            return json.readTree(payload);
        } catch (IOException e) {
            // Written by the sync as valid JSON; if it ever is not, this is a bug, not bad input.
            throw new IllegalStateException("A stored record is not valid JSON", e);
        }
    }

    /** The field's text on one line (tabs and line breaks would split the stored lines), empty when absent. */
    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.isNull()
                ? value.asText()
                        .replace(ConnectionSummary.FIELD, ' ')
                        .replace(ConnectionSummary.LINE, ' ')
                        .strip()
                : "";
    }

    private static String limit(String text, int length) {
        return text.isEmpty() ? null : text.substring(0, Math.min(text.length(), length));
    }
}
