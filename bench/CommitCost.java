import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Arrays;

/**
 * What WRITE_DELAY=0 costs H2 per commit: COMMITS single-row transactions, one after another on one
 * connection, into a fresh H2 file database, once with H2's default (WRITE_DELAY 500 ms: commits are
 * written in the background) and once with WRITE_DELAY=0 (each commit is written before it returns),
 * RUNS times each, alternating. Prints the median time per commit and commits per second. Run it with
 * the H2 driver on the class path, as a single-file program (bench/commit-cost.sh does):
 *
 * <pre>
 * java -cp target/quarkus-app/lib/main/com.h2database.h2-*.jar bench/CommitCost.java target/bench-commit 5000 5
 * </pre>
 */
public class CommitCost {

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/bench-commit").toAbsolutePath();
        int commits = args.length > 1 ? Integer.parseInt(args[1]) : 5000;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        String[] settings = {"", ";WRITE_DELAY=0"};
        double[][] micros = new double[settings.length][runs];
        for (int run = 0; run < runs; run++) {
            for (int s = 0; s < settings.length; s++) {
                micros[s][run] = microsPerCommit(dir, settings[s], commits);
            }
        }
        System.out.printf("%-30s %-16s %-16s%n", "URL settings", "median_us/commit", "commits/s");
        for (int s = 0; s < settings.length; s++) {
            double[] sorted = micros[s].clone();
            Arrays.sort(sorted);
            double median = runs % 2 == 1 ? sorted[runs / 2] : (sorted[runs / 2 - 1] + sorted[runs / 2]) / 2;
            System.out.printf(
                    "%-30s %-16.1f %-16.0f  (runs: %s)%n",
                    settings[s].isEmpty() ? "default (WRITE_DELAY 500)" : settings[s].substring(1),
                    median,
                    1_000_000 / median,
                    Arrays.toString(Arrays.stream(micros[s]).mapToLong(Math::round).toArray()));
        }
    }

    private static double microsPerCommit(Path dir, String settings, int commits) throws Exception {
        deleteDatabase(dir);
        Files.createDirectories(dir);
        String url = "jdbc:h2:file:" + dir.resolve("commit") + ";DB_CLOSE_ON_EXIT=FALSE" + settings;
        try (Connection c = DriverManager.getConnection(url, "bench", "bench")) {
            try (Statement ddl = c.createStatement()) {
                ddl.execute("create table t (id bigint primary key, payload varchar(200))");
            }
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement("insert into t values (?, ?)")) {
                String payload = "x".repeat(120);
                for (int i = 0; i < 200; i++) { // warm up
                    insert.setLong(1, -1 - i);
                    insert.setString(2, payload);
                    insert.executeUpdate();
                    c.commit();
                }
                long start = System.nanoTime();
                for (int i = 0; i < commits; i++) {
                    insert.setLong(1, i);
                    insert.setString(2, payload);
                    insert.executeUpdate();
                    c.commit();
                }
                return (System.nanoTime() - start) / 1_000.0 / commits;
            }
        } finally {
            deleteDatabase(dir);
        }
    }

    private static void deleteDatabase(Path dir) throws Exception {
        Files.deleteIfExists(dir.resolve("commit.mv.db"));
        Files.deleteIfExists(dir.resolve("commit.trace.db"));
    }
}
