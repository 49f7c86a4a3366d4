package io.connectionportal.admin;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import io.connectionportal.sync.SyncedData.PagedRecord;

/**
 * A page of synced records as a table: one column per top-level field seen on the page (the first
 * {@value #COLUMNS_MAX}, in the order they appear), nested values as compact JSON, and each whole record beside it.
 */
record DataTable(List<String> columns, List<Row> rows, Optional<Long> nextAfter, boolean notFirst) {

    static final int COLUMNS_MAX = 8;
    static final int CELL_MAX = 120;

    record Row(String externalId, Instant syncedAt, List<String> cells, String json) {}

    static DataTable of(List<PagedRecord> records, Optional<Long> nextAfter, boolean notFirst) {
        Set<String> names = new LinkedHashSet<>();
        for (PagedRecord record : records) {
            Iterator<String> fields = record.payload().fieldNames();
            while (fields.hasNext() && names.size() < COLUMNS_MAX) {
                names.add(fields.next());
            }
        }
        List<String> columns = List.copyOf(names);
        List<Row> rows = new ArrayList<>();
        for (PagedRecord record : records) {
            List<String> cells =
                    columns.stream().map(c -> cell(record.payload().get(c))).toList();
            rows.add(new Row(
                    record.externalId(),
                    record.syncedAt(),
                    cells,
                    record.payload().toPrettyString()));
        }
        return new DataTable(columns, rows, nextAfter, notFirst);
    }

    private static String cell(JsonNode value) {
        if (value == null || value.isNull()) {
            return "";
        }
        String text = value.isValueNode() ? value.asText() : value.toString();
        return text.length() <= CELL_MAX ? text : text.substring(0, CELL_MAX - 1) + "…";
    }
}
