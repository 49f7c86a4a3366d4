package io.connectionportal.monitor;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.connectionportal.monitor.Figures.CategoryFunnel;
import io.connectionportal.monitor.Figures.Companies;
import io.connectionportal.monitor.Figures.FunnelStage;
import io.connectionportal.monitor.Figures.PlatformRow;
import io.connectionportal.monitor.Figures.Rate;
import io.connectionportal.monitor.Figures.Report;
import io.connectionportal.monitor.Figures.Stage;
import io.connectionportal.monitor.Figures.Week;
import io.connectionportal.platforms.Category;
import io.connectionportal.platforms.Platform;
import io.connectionportal.platforms.PlatformCatalog;

/**
 * Computes the monitor's figures. The funnel, the weeks and the platforms come from
 * {@code funnel_daily} (a few hundred rows a day, however many events), the companies from
 * {@code company_cohort_daily} (a few rows a day, however many companies): three small queries, whatever the
 * number of events.
 */
@ApplicationScoped
class MonitorReport {

    private static final String STEPS = "'VALUE_EXCHANGE_VIEWED', 'PLATFORM_SELECTED', 'AUTHORIZATION_COMPLETED', "
            + "'AUTHORIZATION_CANCELLED', 'AUTHORIZATION_FAILED'";

    private final EntityManager entityManager;
    private final PlatformCatalog catalog;

    MonitorReport(EntityManager entityManager, PlatformCatalog catalog) {
        this.entityManager = entityManager;
        this.catalog = catalog;
    }

    Report report(DateRange range) {
        List<Total> totals = totals(range.from(), range.to());
        long started = sum(totals, FunnelStep.VALUE_EXCHANGE_VIEWED, null, null);
        long began = sum(totals, FunnelStep.PLATFORM_SELECTED, null, null);
        long completed = sum(totals, FunnelStep.AUTHORIZATION_COMPLETED, null, null);
        List<FunnelStage> funnel = List.of(
                new FunnelStage(Stage.STARTED, started, new Rate(started, started), 0, new Rate(0, 0)),
                new FunnelStage(
                        Stage.BEGAN,
                        began,
                        new Rate(began, started),
                        lost(started, began),
                        new Rate(lost(started, began), started)),
                new FunnelStage(
                        Stage.COMPLETED,
                        completed,
                        new Rate(completed, started),
                        lost(began, completed),
                        new Rate(lost(began, completed), began)));
        List<CategoryFunnel> categories = Arrays.stream(Category.values())
                .map(c -> new CategoryFunnel(
                        c,
                        started,
                        sum(totals, FunnelStep.PLATFORM_SELECTED, c, null),
                        sum(totals, FunnelStep.AUTHORIZATION_COMPLETED, c, null)))
                .toList();
        return new Report(range, companies(range), funnel, categories, weeks(range), platforms(totals));
    }

    /** One row of {@code funnel_daily} summed over the range. Category and platform are {@code ""} when none. */
    private record Total(FunnelStep step, String category, String platform, long events) {}

    private List<Total> totals(LocalDate from, LocalDate to) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery("""
                select step, category, platform, sum(events) from funnel_daily
                where event_day between ?1 and ?2 and step in (%s)
                group by step, category, platform""".formatted(STEPS))
                .setParameter(1, from)
                .setParameter(2, to)
                .getResultList();
        List<Total> totals = new ArrayList<>();
        for (Object[] row : rows) {
            totals.add(new Total(
                    FunnelStep.valueOf((String) row[0]),
                    (String) row[1],
                    (String) row[2],
                    ((Number) row[3]).longValue()));
        }
        return totals;
    }

    private static long sum(List<Total> totals, FunnelStep step, Category category, String platform) {
        return totals.stream()
                .filter(t -> t.step() == step)
                .filter(t -> category == null || t.category().equals(category.key()))
                .filter(t -> platform == null || t.platform().equals(platform))
                .mapToLong(Total::events)
                .sum();
    }

    /** Companies that signed up in the period, and of those how many authorized and uploaded before it ended. */
    private Companies companies(DateRange range) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery("""
                select milestone, sum(companies) from company_cohort_daily
                where signup_day between ?1 and ?2 and reached_day <= ?2
                group by milestone""")
                .setParameter(1, range.from())
                .setParameter(2, range.to())
                .getResultList();
        Map<Milestone, Long> counts = new EnumMap<>(Milestone.class);
        rows.forEach(row -> counts.put(Milestone.valueOf((String) row[0]), number(row[1])));
        return new Companies(
                counts.getOrDefault(Milestone.SIGNED_UP, 0L),
                counts.getOrDefault(Milestone.AUTHORIZED, 0L),
                counts.getOrDefault(Milestone.UPLOADED, 0L));
    }

    private List<Week> weeks(DateRange range) {
        LocalDate first = range.firstWeek();
        LocalDate last = first.plusWeeks(DateRange.WEEKS).minusDays(1);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery("""
                select event_day, step, sum(events) from funnel_daily
                where event_day between ?1 and ?2 and step in ('PLATFORM_SELECTED', 'AUTHORIZATION_COMPLETED')
                group by event_day, step""")
                .setParameter(1, first)
                .setParameter(2, last)
                .getResultList();
        long[] began = new long[DateRange.WEEKS];
        long[] completed = new long[DateRange.WEEKS];
        for (Object[] row : rows) {
            LocalDate day = DateRange.day(row[0]);
            int week = (int) (ChronoUnit.DAYS.between(first, day) / 7);
            long events = ((Number) row[2]).longValue();
            if (FunnelStep.PLATFORM_SELECTED.name().equals(row[1])) {
                began[week] += events;
            } else {
                completed[week] += events;
            }
        }
        List<Week> weeks = new ArrayList<>();
        for (int i = 0; i < DateRange.WEEKS; i++) {
            weeks.add(new Week(first.plusWeeks(i), began[i], completed[i]));
        }
        return weeks;
    }

    /** Every platform with an authorization begun or ended in the range, the busiest first. */
    private List<PlatformRow> platforms(List<Total> totals) {
        Map<String, EnumMap<FunnelStep, Long>> byPlatform = new HashMap<>();
        Map<String, String> categoryOf = new HashMap<>();
        for (Total total : totals) {
            if (total.platform().isEmpty()) {
                continue;
            }
            byPlatform
                    .computeIfAbsent(total.platform(), k -> new EnumMap<>(FunnelStep.class))
                    .merge(total.step(), total.events(), Long::sum);
            categoryOf.putIfAbsent(total.platform(), total.category());
        }
        return byPlatform.entrySet().stream()
                .map(e -> {
                    Optional<Platform> platform = catalog.find(e.getKey());
                    Category category = platform.map(Platform::category)
                            .or(() -> Category.fromKey(categoryOf.get(e.getKey())))
                            .orElse(null);
                    EnumMap<FunnelStep, Long> counts = e.getValue();
                    return new PlatformRow(
                            e.getKey(),
                            platform.map(Platform::name).orElse(e.getKey()),
                            category,
                            counts.getOrDefault(FunnelStep.PLATFORM_SELECTED, 0L),
                            counts.getOrDefault(FunnelStep.AUTHORIZATION_COMPLETED, 0L),
                            counts.getOrDefault(FunnelStep.AUTHORIZATION_CANCELLED, 0L),
                            counts.getOrDefault(FunnelStep.AUTHORIZATION_FAILED, 0L));
                })
                .sorted(Comparator.comparingLong(PlatformRow::began).reversed().thenComparing(PlatformRow::name))
                .toList();
    }

    /**
     * What was lost between two steps. In a period a step can count more events than the one before it
     * (flows started before the period began); nothing was lost then, rather than a negative loss.
     */
    static long lost(long before, long after) {
        return Math.max(0, before - after);
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
