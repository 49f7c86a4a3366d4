package io.connectionportal.manage;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.quarkus.qute.TemplateExtension;

import io.connectionportal.platforms.DataType;

/** Records per data type in the enum's order, so every page lists the types in the same order whatever the map; a
 * namespace, as a map's own properties would hide an extension method on it. */
@TemplateExtension(namespace = "records")
class RecordCounts {

    private RecordCounts() {}

    /** A connection's stored records per type (the dashboard). */
    static List<RecordCount> inTypeOrder(Map<DataType, Long> counts) {
        return ordered(counts);
    }

    /** The records one sync read per type (the update history). */
    static List<RecordCount> readInTypeOrder(Map<DataType, Integer> records) {
        return ordered(records);
    }

    private static List<RecordCount> ordered(Map<DataType, ? extends Number> counts) {
        return Arrays.stream(DataType.values())
                .filter(counts::containsKey)
                .map(type -> new RecordCount(type, counts.get(type).longValue()))
                .toList();
    }
}
