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
 * RUNS times each, alternating. Prints the median time per commit, commits per second, and the largest
 * size the file reached while open (H2 keeps replaced chunks for 45 s, and with WRITE_DELAY=0 each commit
 * is a chunk of its own, so a burst of commits takes more room until the chunks are reused). Run it with
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
        long[] largestFile = new long[settings.length];
        for (int run = 0; run < runs; run++) {
            for (int s = 0; s < settings.length; s++) {
                long[] fileSize = new long[1];
                micros[s][run] = microsPerCommit(dir, settings[s], commits, fileSize);
                largestFile[s] = Math.max(largestFile[s], fileSize[0]);
            }
        }
        System.out.printf("%-30s %-16s %-12s %-12s%n", "URL settings", "median_us/commit", "commits/s", "file_MB");
        for (int s = 0; s < settings.length; s++) {
            double[] sorted = micros[s].clone();
            Arrays.sort(sorted);
            double median = runs % 2 == 1 ? sorted[runs / 2] : (sorted[runs / 2 - 1] + sorted[runs / 2]) / 2;
            System.out.printf(
                    "%-30s %-16.1f %-12.0f %-12.1f (runs: %s)%n",
                    settings[s].isEmpty() ? "default (WRITE_DELAY 500)" : settings[s].substring(1),
                    median,
                    1_000_000 / median,
                    largestFile[s] / 1_000_000.0,
                    Arrays.toString(Arrays.stream(micros[s]).mapToLong(Math::round).toArray()));
        }
    }

    private static double microsPerCommit(Path dir, String settings, int commits, long[] fileSize)
            throws Exception {
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
                double micros = (System.nanoTime() - start) / 1_000.0 / commits;
                fileSize[0] = Files.size(dir.resolve("commit.mv.db"));
                return micros;
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
