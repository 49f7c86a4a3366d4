package io.connectionportal.sync;

import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.connectionportal.connections.Connection;
import io.connectionportal.connections.ConnectionStatus;
import io.connectionportal.platforms.DataType;
import io.connectionportal.shared.Counts;
import io.connectionportal.shared.PortalConfig;

/** Reads the sync history and status of the company's connections; every read is scoped by company. */
@ApplicationScoped
public class SyncHistory {

    private static final String OVERVIEW = """
            select c.id, c.status, c.linkedAt, c.platformKey, c.sandbox,
                   s.firstSyncedAt, s.lastSyncedAt, s.lastOutcome, s.lastAttemptAt, s.lastError,
                   s.legalName, s.baseCurrency, s.bankAccounts, job.id, n.dataType, n.records
            from Connection c
            left join ConnectionSummary s on s.connectionId = c.id
            left join SyncJob job on job.activeConnectionId = c.id
            left join RecordCount n on n.connectionId = c.id
            where c.companyId = :company""";

    /** How many runs a connection's history shows by default. */
    public static final int DEFAULT_LIMIT = 50;

    private final PortalConfig portal;
    private final ProviderApis apis;

    SyncHistory(PortalConfig portal, ProviderApis apis) {
        this.portal = portal;
        this.apis = apis;
    }

    /** The connection's latest runs, newest first (two queries); empty when the connection is not the company's. */
    public List<SyncRunView> forConnection(long companyId, long connectionId) {
        return forConnection(companyId, connectionId, DEFAULT_LIMIT);
    }

    @Transactional
    public List<SyncRunView> forConnection(long companyId, long connectionId, int limit) {
        List<SyncRun> runs = SyncRun.getEntityManager()
                .createQuery("""
                select r from SyncRun r where r.companyId = :company and r.connectionId = :connection
                order by r.startedAt desc, r.id desc""", SyncRun.class)
                .setParameter("company", companyId)
                .setParameter("connection", connectionId)
                .setMaxResults(limit)
                .getResultList();
        return views(runs);
    }

    /** A run of one of the company's connections, for a history of the whole company. */
    public record CompanyRun(long connectionId, SyncRunView run) {}

    /** The company's latest runs over all its connections, newest first (two queries, the back office). */
    @Transactional
    public List<CompanyRun> forCompany(long companyId, int limit) {
        List<SyncRun> runs = SyncRun.getEntityManager()
                .createQuery("""
                select r from SyncRun r where r.companyId = :company
                order by r.startedAt desc, r.id desc""", SyncRun.class)
                .setParameter("company", companyId)
                .setMaxResults(limit)
                .getResultList();
        List<SyncRunView> views = views(runs);
        return IntStream.range(0, runs.size())
                .mapToObj(i -> new CompanyRun(runs.get(i).connectionId, views.get(i)))
                .toList();
    }

    /**
     * Up to {@code limit} runs of one of the company's connections recorded before run {@code beforeId}, newest
     * first (the API's pages): one range of the index on (connection, id). Empty when the connection is not the
     * company's.
     */
    @Transactional
    public List<SyncRunView> page(long companyId, long connectionId, long beforeId, int limit) {
        List<SyncRun> runs = SyncRun.getEntityManager()
                .createQuery("""
                select r from SyncRun r where r.connectionId = :connection and r.id < :before
                and r.companyId = :company order by r.id desc""", SyncRun.class)
                .setParameter("company", companyId)
                .setParameter("connection", connectionId)
                .setParameter("before", beforeId)
                .setMaxResults(limit)
                .getResultList();
        return views(runs);
    }

    private static List<SyncRunView> views(List<SyncRun> runs) {
        if (runs.isEmpty()) {
            return List.of();
        }
        // The counts of all these runs at once, rather than one lazy load per run: a range of ids rather than an IN
        // list, so Hibernate reuses its translated query (it re-translates one whose list length varies).
        Map<Long, Map<DataType, Integer>> counts = new HashMap<>();
        List<Object[]> rows = SyncRun.getEntityManager()
                .createQuery("""
                select r.id, key(c), value(c) from SyncRun r join r.counts c
                where r.id between :first and :last and r.companyId = :company""", Object[].class)
                .setParameter("first", runs.stream().mapToLong(r -> r.id).min().orElseThrow())
                .setParameter("last", runs.stream().mapToLong(r -> r.id).max().orElseThrow())
                .setParameter("company", runs.get(0).companyId)
                .getResultList();
        for (Object[] row : rows) {
            counts.computeIfAbsent((Long) row[0], id -> new EnumMap<>(DataType.class))
                    .put((DataType) row[1], (Integer) row[2]);
        }
        return runs.stream()
                .map(r -> new SyncRunView(
                        r.id,
                        r.trigger,
                        r.startedAt,
                        r.endedAt,
                        r.outcome,
                        Optional.ofNullable(r.errorMessage),
                        Collections.unmodifiableMap(counts.getOrDefault(r.id, new EnumMap<>(DataType.class)))))
                .toList();
    }

    /**
     * First and last successful sync, last outcome, "syncing now" and next scheduled sync of each connection, in one
     * indexed read of the summaries written at sync time. Every requested id has an entry; ids that are not the
     * company's get an empty summary.
     */
    @Transactional
    public Map<Long, SyncSummary> summary(long companyId, Collection<Long> connectionIds) {
        Map<Long, SyncSummary> summaries = new LinkedHashMap<>();
        read(companyId, connectionIds).forEach((id, overview) -> summaries.put(id, overview.sync()));
        return summaries;
    }

    /**
     * The sync summary, legal name, currency, bank accounts and record counts of each of the company's connections, in
     * one query over rows shaped for the dashboard: no aggregate over the history, no JSON parsing. Every requested id
     * has an entry.
     */
    @Transactional
    public Map<Long, ConnectionOverview> overview(long companyId, Collection<Long> connectionIds) {
        return read(companyId, connectionIds);
    }

    private Map<Long, ConnectionOverview> read(long companyId, Collection<Long> connectionIds) {
        Map<Long, ConnectionOverview> overviews = new LinkedHashMap<>();
        connectionIds.forEach(id ->
                overviews.put(id, new ConnectionOverview(SyncSummary.none(id), ConnectionMetadata.NONE, Map.of())));
        if (connectionIds.isEmpty()) {
            return overviews;
        }
        // A connection comes back once per data type it holds: its columns repeat, its counts do not. One connection,
        // or all the company's (then filtered): never an IN list, whose varying length Hibernate translates each time.
        boolean one = connectionIds.size() == 1;
        var query = Connection.getEntityManager()
                .createQuery(OVERVIEW + (one ? " and c.id = :id" : ""), Object[].class)
                .setParameter("company", companyId);
        if (one) {
            query.setParameter("id", connectionIds.iterator().next());
        }
        List<Object[]> rows = query.getResultList();
        Map<Long, Map<DataType, Long>> counts = new LinkedHashMap<>();
        for (Object[] row : rows) {
            long id = (Long) row[0];
            if (!overviews.containsKey(id)) {
                continue;
            }
            boolean firstRow = !counts.containsKey(id);
            Map<DataType, Long> own = counts.computeIfAbsent(id, key -> new EnumMap<>(DataType.class));
            if (row[14] != null) {
                own.put((DataType) row[14], ((Number) row[15]).longValue());
            }
            if (!firstRow) {
                continue;
            }
            Instant lastSuccess = (Instant) row[6];
            Instant lastAttempt = (Instant) row[8];
            Optional<Instant> next = apis.readable((String) row[3], (Boolean) row[4])
                    ? SyncSchedule.next(
                            portal.sync(), (ConnectionStatus) row[1], (Instant) row[2], lastSuccess, lastAttempt)
                    : Optional.empty();
            SyncSummary sync = new SyncSummary(
                    id,
                    Optional.ofNullable((Instant) row[5]),
                    Optional.ofNullable(lastSuccess),
                    Optional.ofNullable((SyncOutcome) row[7]),
                    Optional.ofNullable(lastAttempt),
                    Optional.ofNullable((String) row[9]),
                    row[13] != null,
                    next);
            // The overview holds the connection's map, which its further rows fill.
            overviews.put(id, new ConnectionOverview(sync, metadata(row), own));
        }
        return overviews;
    }

    private static ConnectionMetadata metadata(Object[] row) {
        String accounts = (String) row[12];
        List<ConnectionMetadata.BankAccount> bank = accounts == null
                ? List.of()
                : accounts.lines()
                        .map(line -> line.split(String.valueOf(ConnectionSummary.FIELD), -1))
                        .map(f -> new ConnectionMetadata.BankAccount(
                                f[0], f.length > 1 ? f[1] : "", f.length > 2 ? f[2] : ""))
                        .toList();
        ConnectionMetadata metadata = new ConnectionMetadata(
                Optional.ofNullable((String) row[10]), Optional.ofNullable((String) row[11]), bank);
        return metadata.isEmpty() ? ConnectionMetadata.NONE : metadata;
    }

    /** Whether a sync of the company's connection is queued or running now (M4's live status). */
    @Transactional
    public boolean syncing(long companyId, long connectionId) {
        // Polled while a sync runs.
        return Counts.of(
                        SyncJob.getEntityManager(),
                        "select count(*) from SyncJob where companyId = ?1 and activeConnectionId = ?2",
                        companyId,
                        connectionId)
                > 0;
    }
}
