package io.connectionportal.manage;

import io.quarkus.qute.TemplateData;

import io.connectionportal.platforms.DataType;

/** How many records of one data type: one item of a list that {@link RecordCounts} keeps in the enum's order. */
@TemplateData
record RecordCount(DataType type, long count) {}
