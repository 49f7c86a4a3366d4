import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Tops a company's synced records up to {@code total}, spread over its connections, as a long history of syncs
 * would leave them: bank transactions, invoices, bills and orders by the connection's category. Afterwards it
 * brings each connection's summary row (what the dashboard reads) to the new counts, as the end of a sync does.
 * Run with the database driver on the class path:
 *
 * <pre>
 * java -cp target/quarkus-app/lib/main/com.h2database.h2-*.jar bench/SeedRecords.java \
 *      'jdbc:h2:file:./target/bench-pages/portal;AUTO_SERVER=TRUE' portal portal bench-40@example.com 200000
 * </pre>
 */
public class SeedRecords {

    private static final int BATCH = 5_000;

    record Target(long connection, String dataType) {}

    public static void main(String[] args) throws Exception {
        String email = args[3];
        long total = Long.parseLong(args[4]);
        try (Connection db = DriverManager.getConnection(args[0], args[1], args[2])) {
            db.setAutoCommit(false);
            long company = single(db, "select company_id from app_user where email = ?", email);
            List<Target> targets = new ArrayList<>();
            try (PreparedStatement s = db.prepareStatement(
                    "select id, category from connection where company_id = ? order by id")) {
                s.setLong(1, company);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        String type = switch (rs.getString(2)) {
                            case "BANKING" -> "BANK_TRANSACTIONS";
                            case "COMMERCE" -> "ORDERS";
                            default -> rs.getLong(1) % 2 == 0 ? "INVOICES" : "BILLS";
                        };
                        targets.add(new Target(rs.getLong(1), type));
                    }
                }
            }
            long have = single(db, "select count(*) from synced_record where company_id = ?", company);
            Timestamp now = Timestamp.from(Instant.now());
            try (PreparedStatement insert = db.prepareStatement("insert into synced_record"
                    + " (connection_id, company_id, data_type, external_id, payload, synced_at) values (?, ?, ?, ?, ?, ?)")) {
                for (long i = have; i < total; i++) {
                    Target target = targets.get((int) (i % targets.size()));
                    insert.setLong(1, target.connection());
                    insert.setLong(2, company);
                    insert.setString(3, target.dataType());
                    insert.setString(4, "seed-" + i);
                    insert.setString(5, "{\"id\":\"seed-" + i + "\",\"amount\":" + (i % 9_973) + ".25,\"currency\":\"GBP\","
                            + "\"date\":\"2026-0" + (1 + i % 9) + "-1" + (i % 10) + "\",\"description\":\"Seeded record " + i + "\"}");
                    insert.setTimestamp(6, now);
                    insert.addBatch();
                    if ((i - have + 1) % BATCH == 0) {
                        insert.executeBatch();
                        db.commit();
                    }
                }
                insert.executeBatch();
                db.commit();
            }
            int summaries = refreshSummaries(db, company);
            db.commit();
            System.out.printf("company %d: %d synced records over %d connections (%d summary rows brought up to date)%n",
                    company, single(db, "select count(*) from synced_record where company_id = ?", company),
                    targets.size(), summaries);
        }
    }

    /** The per-connection counts the dashboard shows, recounted; none when the schema predates the summary table. */
    private static int refreshSummaries(Connection db, long company) throws Exception {
        try (ResultSet tables = db.getMetaData().getTables(null, null, "%", null)) {
            boolean present = false;
            while (tables.next()) {
                present |= tables.getString("TABLE_NAME").equalsIgnoreCase("connection_record_count");
            }
            if (!present) {
                return 0;
            }
        }
        try (PreparedStatement delete = db.prepareStatement("delete from connection_record_count where company_id = ?");
                PreparedStatement insert = db.prepareStatement("insert into connection_record_count"
                        + " (connection_id, company_id, data_type, records) select connection_id, company_id, data_type,"
                        + " count(*) from synced_record where company_id = ? group by connection_id, company_id, data_type")) {
            delete.setLong(1, company);
            delete.executeUpdate();
            insert.setLong(1, company);
            return insert.executeUpdate();
        }
    }

    private static long single(Connection db, String sql, Object parameter) throws Exception {
        try (PreparedStatement s = db.prepareStatement(sql)) {
            s.setObject(1, parameter);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
