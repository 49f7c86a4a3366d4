package io.connectionportal.sync;

import java.io.IOException;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.connectionportal.platforms.DataType;

/**
 * Reads the synced datasets. Every method is scoped by company and takes many connections at once, so
 * a page listing 40 connections runs the same single query as one listing 2 (no N+1).
 */
@ApplicationScoped
public class SyncedData {

    private final ObjectMapper json;

    SyncedData(ObjectMapper json) {
        this.json = json;
    }

    /**
     * How many records of each data type each connection holds, kept at sync time: one indexed read, however many
     * records there are. Every requested id has an entry.
     */
    @Transactional
    public Map<Long, Map<DataType, Long>> counts(long companyId, Collection<Long> connectionIds) {
        Map<Long, Map<DataType, Long>> counts = new LinkedHashMap<>();
        connectionIds.forEach(id -> counts.put(id, new EnumMap<>(DataType.class)));
        if (connectionIds.isEmpty()) {
            return counts;
        }
        List<RecordCount> rows = RecordCount.list("companyId = ?1 and connectionId in ?2", companyId, connectionIds);
        for (RecordCount row : rows) {
            counts.get(row.connectionId).put(row.dataType, (long) row.records);
        }
        return counts;
    }

    /** The stored records of one type of one of the company's connections, in the provider's order (prefill, export). */
    @Transactional
    public List<JsonNode> records(long companyId, long connectionId, DataType type) {
        return SyncedRecord.getEntityManager()
                .createQuery("""
                select r.payload from SyncedRecord r
                where r.companyId = :company and r.connectionId = :connection and r.dataType = :type
                order by r.id""", String.class)
                .setParameter("company", companyId)
                .setParameter("connection", connectionId)
                .setParameter("type", type)
                .getResultList()
                .stream()
                .map(this::parse)
                .toList();
    }

    /** One record of a page: its row id (the cursor), the provider's id for it, its JSON and when it was last synced. */
    public record PagedRecord(long id, String externalId, JsonNode payload, java.time.Instant syncedAt) {}

    /**
     * Up to {@code limit} records of one type of one of the company's connections, after row id {@code afterId}, in
     * id order: one range of the index on (connection, data type, id), however many records the connection holds.
     */
    @Transactional
    public List<PagedRecord> page(long companyId, long connectionId, DataType type, long afterId, int limit) {
        return SyncedRecord.<SyncedRecord>find(
                        "connectionId = ?1 and dataType = ?2 and id > ?3 and companyId = ?4 order by id",
                        connectionId,
                        type,
                        afterId,
                        companyId)
                .page(0, limit)
                .list()
                .stream()
                .map(r -> new PagedRecord(r.id, r.externalId, parse(r.payload), r.syncedAt))
                .toList();
    }

    /** One stored record with where it came from, for the export. */
    public record Stored(long connectionId, DataType dataType, String externalId, JsonNode payload) {}

    /** All the company's records, or those of one type, in one query (export). */
    @Transactional
    public List<Stored> ofCompany(long companyId, Optional<DataType> type) {
        return SyncedRecord.<SyncedRecord>list(
                        type.isPresent()
                                ? "companyId = ?1 and dataType = ?2 order by connectionId, dataType, id"
                                : "companyId = ?1 order by connectionId, dataType, id",
                        type.isPresent() ? new Object[] {companyId, type.get()} : new Object[] {companyId})
                .stream()
                .map(r -> new Stored(r.connectionId, r.dataType, r.externalId, parse(r.payload)))
                .toList();
    }

    private JsonNode parse(String payload) {
        try {
            return json.readTree(payload);
        } catch (IOException e) {
            // Written by the sync as valid JSON; if it ever is not, this is a bug, not bad input.
            throw new IllegalStateException("A stored record is not valid JSON", e);
        }
    }
}
