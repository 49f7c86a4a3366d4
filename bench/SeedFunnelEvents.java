import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * Seeds funnel events straight into the portal's database, as the portal itself would have recorded
 * them: rows in funnel_event, the same counts added to funnel_daily, and company_milestone rows for
 * the simulated companies. Run it with the H2 (or PostgreSQL) driver on the class path, as a
 * single-file program:
 *
 * <pre>
 * java -cp target/quarkus-app/lib/main/com.h2database.h2-*.jar bench/SeedFunnelEvents.java \
 *      'jdbc:h2:file:./bench/data/portal;AUTO_SERVER=TRUE' portal portal 100000
 * </pre>
 *
 * The events are spread over the 12 weeks up to today like real traffic: businesses land, some sign
 * up, open the value exchange, consent per category, choose a platform (popular ones more often),
 * complete, cancel, fail or abandon; some upload files or ask a colleague. Fewer on weekends, a little
 * growth week on week. A fixed random seed (optional 5th argument) makes runs repeatable.
 */
public class SeedFunnelEvents {

    private static final int WEEKS = 12;
    private static final int BATCH = 5_000;
    private static final long WIDE_IDENTITY_CACHE = 1_000_000;
    /** Simulated companies get ids from here up: opaque numbers far from real sign-ups. */
    private static final long FIRST_COMPANY = 1_000_000_000L;

    record Platform(String key, String category) {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: SeedFunnelEvents <jdbc-url> <user> <password> <events> [seed]");
            System.exit(2);
        }
        long target = Long.parseLong(args[3].replace("_", ""));
        Random random = new Random(args.length > 4 ? Long.parseLong(args[4]) : 42);
        Map<String, List<Platform>> platforms = catalog(Path.of("src/main/resources/platforms/catalog.json"));

        try (Connection db = DriverManager.getConnection(args[0], args[1], args[2])) {
            long identityCache = identityCache(db);
            setIdentityCache(db, identityCache > 0 ? Math.max(identityCache, WIDE_IDENTITY_CACHE) : 0);
            try {
                db.setAutoCommit(false);
                Seeder seeder = new Seeder(db, random, platforms, nextCompany(db));
                long started = System.nanoTime();
                seedDays(seeder, target);
                seeder.finish();
                db.commit();
                System.out.printf("Seeded %,d events (%,d companies) in %.1f s%n", seeder.events, seeder.companies,
                        (System.nanoTime() - started) / 1e9);
            } finally {
                setIdentityCache(db, identityCache);
            }
        }
    }

    /**
     * Day after day, each day its share of the events, rather than businesses on random days: the index on
     * occurred_at then grows almost in order, and H2 stops reading and rewriting pages all over it.
     */
    private static void seedDays(Seeder seeder, long target) throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate first = today.with(DayOfWeek.MONDAY).minusWeeks(WEEKS - 1);
        int days = (int) (today.toEpochDay() - first.toEpochDay()) + 1;
        double[] weights = IntStream.range(0, days).mapToDouble(offset -> weight(first, offset)).toArray();
        double total = Arrays.stream(weights).sum();
        double share = 0;
        for (int offset = 0; offset < days; offset++) {
            share += weights[offset] / total;
            long byEndOfDay = offset == days - 1 ? target : Math.round(target * share);
            while (seeder.events < byEndOfDay) {
                seeder.business(first.plusDays(offset), byEndOfDay);
            }
        }
    }

    /** How many identity values of funnel_event H2 takes at a time; 0 on a database that does not say (PostgreSQL). */
    private static long identityCache(Connection db) {
        try (Statement statement = db.createStatement();
                ResultSet cache = statement.executeQuery("select identity_cache from information_schema.columns"
                        + " where table_name = 'FUNNEL_EVENT' and column_name = 'ID'")) {
            return cache.next() ? cache.getLong(1) : 0;
        } catch (SQLException notH2) {
            return 0;
        }
    }

    /**
     * H2 takes identity values 32 at a time and, the portal's database being opened with WRITE_DELAY=0, writes every
     * unsaved page to disk each time it takes more: about 40% of its time while seeding. Widened for the seeding only;
     * none when {@code values} is 0.
     */
    private static void setIdentityCache(Connection db, long values) throws SQLException {
        if (values > 0) {
            try (Statement statement = db.createStatement()) {
                statement.execute("alter table funnel_event alter column id set cache " + values);
            }
        }
    }

    /** A day's share of the traffic: weekdays busier than weekends, each week about 3% busier than the one before. */
    private static double weight(LocalDate first, int offset) {
        return (first.plusDays(offset).getDayOfWeek().getValue() >= 6 ? 0.4 : 1.0) * Math.pow(1.03, offset / 7.0);
    }

    private static long nextCompany(Connection db) throws Exception {
        try (Statement statement = db.createStatement();
                ResultSet max = statement.executeQuery(
                        "select max(company_id) from company_milestone where company_id >= " + FIRST_COMPANY)) {
            max.next();
            long highest = max.getLong(1);
            return max.wasNull() ? FIRST_COMPANY : highest + 1;
        }
    }

    private static Map<String, List<Platform>> catalog(Path file) throws Exception {
        Matcher entry = Pattern.compile("\"key\":\\s*\"([^\"]+)\",\\s*\"name\":\\s*\"[^\"]*\",\\s*\"category\":\\s*\"([^\"]+)\"")
                .matcher(Files.readString(file));
        Map<String, List<Platform>> byCategory = new HashMap<>();
        while (entry.find()) {
            byCategory.computeIfAbsent(entry.group(2), c -> new ArrayList<>()).add(new Platform(entry.group(1), entry.group(2)));
        }
        if (byCategory.isEmpty()) {
            throw new IllegalStateException("No platform found in " + file + ": run from the project's root");
        }
        return byCategory;
    }

    static final class Seeder {
        final Connection db;
        final Random random;
        final Map<String, List<Platform>> platforms;
        final PreparedStatement insert;
        final Map<String, Long> daily = new HashMap<>();
        final List<long[]> milestones = new ArrayList<>();
        long nextCompany;
        long events;
        long companies;
        int pending;

        Seeder(Connection db, Random random, Map<String, List<Platform>> platforms, long firstCompany) throws Exception {
            this.db = db;
            this.random = random;
            this.platforms = platforms;
            this.nextCompany = firstCompany;
            this.insert = db.prepareStatement(
                    "insert into funnel_event (step, category, platform, occurred_at) values (?, ?, ?, ?)");
        }

        /** One business's visit on {@code day}, as far as it gets. */
        void business(LocalDate day, long target) throws Exception {
            long at = day.atStartOfDay(ZoneOffset.UTC).toEpochSecond() + 7 * 3600 + random.nextInt(14 * 3600);
            for (int i = 0, views = 1 + random.nextInt(3); i < views; i++) {
                event("LANDING_VIEWED", null, null, at += 20);
            }
            if (random.nextDouble() >= 0.45 || events >= target) {
                return;
            }
            long company = nextCompany++;
            companies++;
            long signedUp = at += 60;
            long authorized = 0;
            long uploaded = 0;
            event("SIGNED_UP", null, null, signedUp);
            for (int i = 0, views = 1 + random.nextInt(2); i < views; i++) {
                event("VALUE_EXCHANGE_VIEWED", null, null, at += 30);
            }
            for (String category : List.of("accounting", "banking", "commerce")) {
                double wants = switch (category) {
                    case "accounting" -> 0.75;
                    case "banking" -> 0.65;
                    default -> 0.3;
                };
                if (random.nextDouble() >= wants) {
                    continue;
                }
                event("CONSENT_GIVEN", category, null, at += 40);
                if (random.nextDouble() >= 0.85) {
                    continue;
                }
                Platform platform = popular(platforms.get(category));
                event("PLATFORM_SELECTED", category, platform.key(), at += 15);
                double outcome = random.nextDouble() - weekly(day);
                at += 60 + random.nextInt(240);
                if (outcome < 0.70) {
                    event("AUTHORIZATION_COMPLETED", category, platform.key(), at);
                    authorized = authorized == 0 ? at : authorized;
                } else if (outcome < 0.84) {
                    event("AUTHORIZATION_CANCELLED", category, platform.key(), at);
                } else if (outcome < 0.90) {
                    event("AUTHORIZATION_FAILED", category, platform.key(), at);
                }
                // else abandoned at the provider: no outcome at all
            }
            if (random.nextDouble() < 0.08) {
                event("SHARE_LINK_CREATED", null, null, at += 30);
                if (random.nextDouble() < 0.6) {
                    event("SHARE_LINK_USED", "accounting", null, at += 3600);
                }
            }
            if (random.nextDouble() < 0.12) {
                event("FILE_UPLOADED", random.nextBoolean() ? "accounting" : null, null, at += 120);
                uploaded = at;
            }
            milestones.add(new long[] { company, signedUp, authorized, uploaded });
        }

        /** Completion drifts a little from week to week, so the chart has something to show. */
        private double weekly(LocalDate day) {
            return 0.06 * Math.sin(day.toEpochDay() / 7.0);
        }

        /** The first platforms of a category are the best known: picked more often. */
        private Platform popular(List<Platform> list) {
            int index = (int) Math.min(list.size() - 1, Math.floor(-Math.log(1 - random.nextDouble()) * list.size() / 4.0));
            return list.get(index);
        }

        void event(String step, String category, String platform, long epochSecond) throws Exception {
            insert.setString(1, step);
            insert.setString(2, category);
            insert.setString(3, platform);
            insert.setObject(4, at(epochSecond));
            insert.addBatch();
            String day = LocalDate.ofEpochDay(Math.floorDiv(epochSecond, 86_400)).toString();
            daily.merge(day + "|" + step + "|" + (category == null ? "" : category) + "|" + (platform == null ? "" : platform),
                    1L, Long::sum);
            events++;
            if (++pending == BATCH) {
                insert.executeBatch();
                db.commit();
                pending = 0;
            }
        }

        private static OffsetDateTime at(long epochSecond) {
            return OffsetDateTime.ofInstant(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC);
        }

        void finish() throws Exception {
            insert.executeBatch();
            try (PreparedStatement merge = db.prepareStatement("""
                    merge into funnel_daily d
                    using (select cast(? as date) as event_day, cast(? as varchar(40)) as step,
                                  cast(? as varchar(20)) as category, cast(? as varchar(40)) as platform,
                                  cast(? as bigint) as events) s
                    on (d.event_day = s.event_day and d.step = s.step and d.category = s.category and d.platform = s.platform)
                    when matched then update set events = d.events + s.events
                    when not matched then insert (event_day, step, category, platform, events)
                        values (s.event_day, s.step, s.category, s.platform, s.events)""")) {
                for (Map.Entry<String, Long> count : daily.entrySet()) {
                    String[] key = count.getKey().split("\\|", -1);
                    merge.setDate(1, java.sql.Date.valueOf(key[0]));
                    merge.setString(2, key[1]);
                    merge.setString(3, key[2]);
                    merge.setString(4, key[3]);
                    merge.setLong(5, count.getValue());
                    merge.addBatch();
                }
                merge.executeBatch();
            }
            try (PreparedStatement milestone = db.prepareStatement("""
                    insert into company_milestone (company_id, signed_up_at, first_authorized_at, first_upload_at)
                    values (?, ?, ?, ?)""")) {
                int batched = 0;
                for (long[] m : milestones) {
                    milestone.setLong(1, m[0]);
                    milestone.setObject(2, at(m[1]));
                    for (int column = 3; column <= 4; column++) {
                        if (m[column - 1] == 0) {
                            milestone.setNull(column, Types.TIMESTAMP_WITH_TIMEZONE);
                        } else {
                            milestone.setObject(column, at(m[column - 1]));
                        }
                    }
                    milestone.addBatch();
                    if (++batched % BATCH == 0) {
                        milestone.executeBatch();
                    }
                }
                milestone.executeBatch();
            }
            addCohorts();
        }

        /** The counts per sign-up day and milestone day the monitor reads, as the portal keeps them (CompanyCohorts). */
        private void addCohorts() throws Exception {
            Map<String, Long> cohorts = new HashMap<>();
            for (long[] m : milestones) {
                String signedUp = day(m[1]);
                cohorts.merge(signedUp + "|SIGNED_UP|" + signedUp, 1L, Long::sum);
                if (m[2] != 0) {
                    cohorts.merge(signedUp + "|AUTHORIZED|" + day(m[2]), 1L, Long::sum);
                }
                if (m[3] != 0) {
                    cohorts.merge(signedUp + "|UPLOADED|" + day(m[3]), 1L, Long::sum);
                }
            }
            try (PreparedStatement merge = db.prepareStatement("""
                    merge into company_cohort_daily d
                    using (select cast(? as date) as signup_day, cast(? as varchar(20)) as milestone,
                                  cast(? as date) as reached_day, cast(? as bigint) as companies) s
                    on (d.signup_day = s.signup_day and d.milestone = s.milestone and d.reached_day = s.reached_day)
                    when matched then update set companies = d.companies + s.companies
                    when not matched then insert (signup_day, milestone, reached_day, companies)
                        values (s.signup_day, s.milestone, s.reached_day, s.companies)""")) {
                for (Map.Entry<String, Long> count : cohorts.entrySet()) {
                    String[] key = count.getKey().split("\\|");
                    merge.setDate(1, java.sql.Date.valueOf(key[0]));
                    merge.setString(2, key[1]);
                    merge.setDate(3, java.sql.Date.valueOf(key[2]));
                    merge.setLong(4, count.getValue());
                    merge.addBatch();
                }
                merge.executeBatch();
            }
        }

        private static String day(long epochSecond) {
            return LocalDate.ofEpochDay(Math.floorDiv(epochSecond, 86_400)).toString();
        }
    }
}
