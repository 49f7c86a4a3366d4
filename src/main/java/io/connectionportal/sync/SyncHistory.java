package io.connectionportal.sync;

import java.time.Instant;
import java.util.Collection;
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
import io.connectionportal.shared.PortalConfig;

/** Reads the sync history and status of the company's connections; every read is scoped by company. */
@ApplicationScoped
public class SyncHistory {

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
        // The counts of all these runs at once, rather than one lazy load per run.
        Map<Long, Map<DataType, Integer>> counts = new HashMap<>();
        List<Object[]> rows = SyncRun.getEntityManager()
                .createQuery("""
                select r.id, key(c), value(c) from SyncRun r join r.counts c where r.id in :ids""", Object[].class)
                .setParameter("ids", runs.stream().map(r -> r.id).toList())
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
                        Map.copyOf(counts.getOrDefault(r.id, Map.of()))))
                .toList();
    }

    /**
     * First and last successful sync, last outcome, "syncing now" and next scheduled sync of each
     * connection, in one query. Every requested id has an entry; ids that are not the company's get an
     * empty summary.
     */
    @Transactional
    public Map<Long, SyncSummary> summary(long companyId, Collection<Long> connectionIds) {
        Map<Long, SyncSummary> summaries = new LinkedHashMap<>();
        connectionIds.forEach(id -> summaries.put(id, SyncSummary.none(id)));
        if (connectionIds.isEmpty()) {
            return summaries;
        }
        List<Object[]> rows = Connection.getEntityManager()
                .createQuery("""
                select c.id, c.status, c.linkedAt, c.platformKey,
                       (select min(r.endedAt) from SyncRun r where r.connectionId = c.id and r.outcome = :success),
                       (select max(r.endedAt) from SyncRun r where r.connectionId = c.id and r.outcome = :success),
                       last.outcome, last.endedAt, last.errorMessage, job.id, c.sandbox
                from Connection c
                left join SyncRun last on last.connectionId = c.id
                     and last.id = (select max(r.id) from SyncRun r where r.connectionId = c.id)
                left join SyncJob job on job.activeConnectionId = c.id
                where c.companyId = :company and c.id in :ids""", Object[].class)
                .setParameter("success", SyncOutcome.SUCCESS)
                .setParameter("company", companyId)
                .setParameter("ids", connectionIds)
                .getResultList();
        for (Object[] row : rows) {
            long id = (Long) row[0];
            Instant lastSuccess = (Instant) row[5];
            Instant lastAttempt = (Instant) row[7];
            Optional<Instant> next = apis.readable((String) row[3], (Boolean) row[10])
                    ? SyncSchedule.next(
                            portal.sync(), (ConnectionStatus) row[1], (Instant) row[2], lastSuccess, lastAttempt)
                    : Optional.empty();
            summaries.put(
                    id,
                    new SyncSummary(
                            id,
                            Optional.ofNullable((Instant) row[4]),
                            Optional.ofNullable(lastSuccess),
                            Optional.ofNullable((SyncOutcome) row[6]),
                            Optional.ofNullable(lastAttempt),
                            Optional.ofNullable((String) row[8]),
                            row[9] != null,
                            next));
        }
        return summaries;
    }

    /** Whether a sync of the company's connection is queued or running now (M4's live status). */
    @Transactional
    public boolean syncing(long companyId, long connectionId) {
        return SyncJob.count("companyId = ?1 and activeConnectionId = ?2", companyId, connectionId) > 0;
    }
}
