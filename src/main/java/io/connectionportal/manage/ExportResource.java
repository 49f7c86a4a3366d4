package io.connectionportal.manage;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.security.Authenticated;

import io.connectionportal.audit.AuditEvent;
import io.connectionportal.audit.AuditTrail;
import io.connectionportal.audit.DataRead;
import io.connectionportal.audit.DataReads;
import io.connectionportal.connections.Connection;
import io.connectionportal.consent.ConsentRecord;
import io.connectionportal.consent.Consents;
import io.connectionportal.platforms.DataType;
import io.connectionportal.shared.Csv;
import io.connectionportal.shared.CurrentUser;
import io.connectionportal.shared.Reauthentication;
import io.connectionportal.shared.SecurityLog;
import io.connectionportal.sync.SyncedData;

/**
 * Data export (M7): everything the portal holds about the company's connections, as one JSON file
 * (synced data, consents, audit trail, who read the data), and each dataset, and who read it, as CSV. Only the signed-in company's data.
 */
@Path("/connections/export")
@Authenticated
class ExportResource {

    private final SyncedData data;
    private final Consents consentRecords;
    private final AuditTrail audit;
    private final DataReads reads;
    private final CurrentUser viewer;
    private final ObjectMapper json;

    private final SecurityLog securityLog;

    private final Reauthentication reauthentication;

    ExportResource(
            SyncedData data,
            Consents consentRecords,
            AuditTrail audit,
            DataReads reads,
            CurrentUser viewer,
            ObjectMapper json,
            SecurityLog securityLog,
            Reauthentication reauthentication) {
        this.reauthentication = reauthentication;
        this.securityLog = securityLog;
        this.data = data;
        this.consentRecords = consentRecords;
        this.audit = audit;
        this.reads = reads;
        this.viewer = viewer;
        this.json = json;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response all() {
        Optional<Response> askPassword = reauthentication.required("/connections/export");
        if (askPassword.isPresent()) {
            return askPassword.get();
        }
        long company = viewer.companyId();
        securityLog.record(SecurityLog.Event.DATA_EXPORT, SecurityLog.Outcome.ALLOWED, viewer.userId(), "all");
        ObjectNode root = json.createObjectNode();
        root.put("company", viewer.companyName());
        root.put("exportedAt", Instant.now().toString());
        Map<Long, List<SyncedData.Stored>> records = data.ofCompany(company, Optional.empty()).stream()
                .collect(Collectors.groupingBy(SyncedData.Stored::connectionId));
        ArrayNode connections = root.putArray("connections");
        for (Connection c : Connection.ofCompany(company)) {
            ObjectNode node = connections.addObject();
            node.put("id", c.id);
            node.put("platform", c.platformKey);
            node.put("category", c.category.key());
            node.put("status", c.status.name());
            node.put("connectedAt", c.linkedAt == null ? null : c.linkedAt.toString());
            node.put("connectedBy", c.connectedBy);
            ObjectNode datasets = node.putObject("data");
            // Data types in the enum's order, as every page lists them; a stable sort keeps each type's record order.
            records.getOrDefault(c.id, List.of()).stream()
                    .sorted(Comparator.comparingInt(record -> record.dataType().ordinal()))
                    .forEach(record ->
                            datasets.withArray(record.dataType().key()).add(record.payload()));
        }
        ArrayNode consents = root.putArray("consents");
        // Consents and their withdrawals, oldest first, each with the page and control it came from.
        for (ConsentRecord consent : consentRecords.allRecords(company)) {
            consents.addObject()
                    .put("kind", consent.kind.name())
                    .put("givenAt", consent.givenAt.toString())
                    .put("policyVersion", consent.policyVersion)
                    .put("categories", consent.categories)
                    .put("source", consent.sourceCode)
                    .put("ipAddress", consent.ipAddress)
                    .put("userAgent", consent.userAgent);
        }
        ArrayNode events = root.putArray("auditTrail");
        for (AuditEvent event : audit.forCompany(company)) {
            events.addObject()
                    .put("at", event.occurredAt.toString())
                    .put("type", event.type.name())
                    .put("connectionId", event.connectionId)
                    .put("platform", event.platformKey)
                    .put("by", event.actor)
                    .put("detail", event.detail);
        }
        ArrayNode dataReads = root.putArray("dataReads");
        for (DataRead read : reads.forCompany(company)) {
            dataReads
                    .addObject()
                    .put("at", read.readAt.toString())
                    .put("connectionId", read.connectionId)
                    .put("platform", read.platformKey)
                    .put("dataType", read.dataType.key())
                    .put("readerKind", read.readerKind.name())
                    .put("reader", read.readerName);
        }
        return attachment(root.toPrettyString(), "export.json", MediaType.APPLICATION_JSON);
    }

    /** Who read the company's data (issue 10, point 7), newest first: an API key's name or a staff member's e-mail. */
    @GET
    @Path("data-reads.csv")
    @Produces("text/csv")
    public Response dataReads() {
        Optional<Response> askPassword = reauthentication.required("/connections/export/data-reads.csv");
        if (askPassword.isPresent()) {
            return askPassword.get();
        }
        securityLog.record(SecurityLog.Event.DATA_EXPORT, SecurityLog.Outcome.ALLOWED, viewer.userId(), "data-reads");
        Csv csv = new Csv(List.of("read_at", "connection_id", "platform", "data_type", "reader_kind", "reader"));
        for (DataRead read : reads.forCompany(viewer.companyId())) {
            csv.row(List.of(
                    read.readAt.toString(),
                    String.valueOf(read.connectionId),
                    read.platformKey,
                    read.dataType.key(),
                    read.readerKind.name(),
                    read.readerName));
        }
        return attachment(csv.toString(), "data-reads.csv", "text/csv; charset=UTF-8");
    }

    /** One dataset as CSV: one row per record, one column per field (nested values as JSON). */
    @GET
    @Path("{type}.csv")
    @Produces("text/csv")
    public Response dataset(@PathParam("type") String type) {
        Optional<Response> askPassword = reauthentication.required("/connections/export/" + type + ".csv");
        if (askPassword.isPresent()) {
            return askPassword.get();
        }
        securityLog.record(SecurityLog.Event.DATA_EXPORT, SecurityLog.Outcome.ALLOWED, viewer.userId(), type);
        DataType dataType = Arrays.stream(DataType.values())
                .filter(t -> t.key().equals(type))
                .findFirst()
                .orElseThrow(NotFoundException::new);
        List<SyncedData.Stored> records = data.ofCompany(viewer.companyId(), Optional.of(dataType));
        Map<Long, String> platforms = Connection.ofCompany(viewer.companyId()).stream()
                .collect(Collectors.toMap(c -> c.id, c -> c.platformKey, (a, b) -> a));
        Set<String> fields = new LinkedHashSet<>();
        records.forEach(r -> r.payload().fieldNames().forEachRemaining(fields::add));
        List<String> header = new ArrayList<>(List.of("connection_id", "platform"));
        header.addAll(fields);
        Csv csv = new Csv(header);
        for (SyncedData.Stored record : records) {
            List<String> row = new ArrayList<>(
                    List.of(String.valueOf(record.connectionId()), platforms.getOrDefault(record.connectionId(), "")));
            for (String field : fields) {
                JsonNode value = record.payload().get(field);
                row.add(value == null || value.isNull() ? "" : value.isValueNode() ? value.asText() : value.toString());
            }
            csv.row(row);
        }
        return attachment(csv.toString(), dataType.key() + ".csv", "text/csv; charset=UTF-8");
    }

    private static Response attachment(String body, String name, String type) {
        String file = "connections-" + LocalDate.now() + "-" + name;
        return Response.ok(body.getBytes(StandardCharsets.UTF_8), type)
                .header("Content-Disposition", "attachment; filename=\"" + file + "\"")
                .header("Cache-Control", "no-store")
                .build();
    }
}
