package io.connectionportal.sync;

import java.util.Map;

import io.connectionportal.platforms.DataType;

/**
 * What a dashboard card shows of a connection's data: its sync status, what identifies it, and its record counts (in
 * the data types' order).
 */
public record ConnectionOverview(SyncSummary sync, ConnectionMetadata metadata, Map<DataType, Long> counts) {}
