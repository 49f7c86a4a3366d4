package io.connectionportal.monitor;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.context.ThreadContext;
import org.hibernate.Session;

import io.connectionportal.platforms.Category;
import io.connectionportal.shared.FinishesBeforeStop;

/**
 * Records the steps of the connection funnel, server-side, for the monitor (O1–O4) and the metrics.
 *
 * <p>An event holds the step, the category and platform where they apply, and the time: no e-mail,
 * name, address or user agent, and no user or company id either. The company id passed in is used
 * only to keep {@code company_milestone} (when a company signed up, first authorized a connection,
 * first uploaded a file, and the day of its last flow start, so that a flow counts once a day), which
 * the monitor needs and which can be had in no other way once connections can be deleted; a company id
 * is an opaque number for the business, not a person.
 *
 * <p>A page view must not wait for a database write (and the landing's daily row is the hottest row there is), so an
 * event goes into a bounded buffer and this instance writes what has gathered every {@link #FLUSH_EVERY}, and when it
 * stops, in transactions of {@link #WRITE_BATCH}: the events in one batch, each day's row of {@code funnel_daily}
 * increased once by how many it got, each milestone once. Instances add to the same rows, which commutes. A buffer half
 * full before its time (a busy landing fills it in under a second) is written at once on another thread, so no
 * request waits for it; one that fills up all the same (the database is slower than the traffic) is written by the
 * request that finds it full, so memory stays bounded and no event is dropped. One write runs at a time per instance.
 * What a killed instance had not yet written is lost: at most {@link #FLUSH_EVERY} of funnel figures, never a
 * business's data.
 */
@ApplicationScoped
public class FunnelEvents {

    static final String NONE = "";

    /** How often the buffer is written; tests, whose scheduler is halted, call {@link #flush()}. */
    static final String FLUSH_EVERY = "2s";

    /** Events held at most: about 2 MB, a few seconds of a busy landing page. */
    static final int CAPACITY = 10_000;

    /**
     * Events written per transaction: a transaction of a whole buffer held its batch and the database's uncommitted
     * rows long enough for the young collections during it to promote 10-20 MB of them to the old generation.
     */
    static final int WRITE_BATCH = 1_000;

    private static final String INSERT_EVENT =
            "insert into funnel_event (step, category, platform, occurred_at) values (?, ?, ?, ?)";

    private static final String ADD_TO_DAY = """
            merge into funnel_daily d
            using (select cast(?1 as date) as event_day, cast(?2 as varchar(40)) as step,
                          cast(?3 as varchar(20)) as category, cast(?4 as varchar(40)) as platform) s
            on (d.event_day = s.event_day and d.step = s.step and d.category = s.category and d.platform = s.platform)
            when matched then update set events = d.events + ?5
            when not matched then insert (event_day, step, category, platform, events)
                values (s.event_day, s.step, s.category, s.platform, ?5)""";

    /** Keeps the earliest instant per company; {@code %s} is one of the three milestone columns, never input. */
    private static final String MILESTONE = """
            merge into company_milestone m
            using (select cast(?1 as bigint) as company_id, cast(?2 as timestamp with time zone) as reached_at) s
            on (m.company_id = s.company_id)
            when matched and (m.%1$s is null or m.%1$s > s.reached_at) then update set %1$s = s.reached_at
            when not matched then insert (company_id, %1$s) values (s.company_id, s.reached_at)""";

    /** One event waiting to be written; {@code platform} is null where none applies or the key is not one. */
    private record Pending(FunnelStep step, Category category, String platform, Long companyId, Instant at) {

        String categoryKey() {
            return category == null ? null : category.key();
        }
    }

    /** A row of {@code funnel_daily}. */
    private record Day(LocalDate day, String step, String category, String platform) {}

    private final BlockingQueue<Pending> buffer = new ArrayBlockingQueue<>(CAPACITY);
    private final ReentrantLock writing = new ReentrantLock();
    private final AtomicBoolean earlyFlushQueued = new AtomicBoolean();
    private final EntityManager entityManager;
    private final PortalMetrics metrics;
    private final FlowStarts flowStarts;
    private final CompanyCohorts cohorts;
    /** Early writes: one at a time, and carrying no request's context (the request has long ended when it runs). */
    private final ManagedExecutor earlyWriter = ManagedExecutor.builder()
            .maxAsync(1)
            .propagated(ThreadContext.NONE)
            .cleared(ThreadContext.ALL_REMAINING)
            .build();

    FunnelEvents(EntityManager entityManager, PortalMetrics metrics, FlowStarts flowStarts, CompanyCohorts cohorts) {
        this.cohorts = cohorts;
        this.entityManager = entityManager;
        this.metrics = metrics;
        this.flowStarts = flowStarts;
    }

    /**
     * Records that {@code step} happened now. {@code category}, {@code platformKey} and
     * {@code companyId} may be null where they do not apply. Never throws, and normally never waits for the database.
     */
    public void record(FunnelStep step, Category category, String platformKey, Long companyId) {
        Pending event = pending(step, category, platformKey, companyId, Instant.now());
        while (!buffer.offer(event)) {
            flush();
        }
        if (buffer.remainingCapacity() <= CAPACITY / 2 && earlyFlushQueued.compareAndSet(false, true)) {
            flushElsewhere();
        }
    }

    /** Writes the buffer on a worker thread; once stopping, the shutdown's own flush writes it instead. */
    private void flushElsewhere() {
        try {
            earlyWriter.execute(() -> {
                earlyFlushQueued.set(false);
                flush();
            });
        } catch (RejectedExecutionException stopping) {
            earlyFlushQueued.set(false);
        }
    }

    /** The same at a given instant, written at once: for tests and imports of past events. */
    void record(FunnelStep step, Category category, String platformKey, Long companyId, Instant at) {
        write(List.of(pending(step, category, platformKey, companyId, at)));
    }

    @FinishesBeforeStop
    @Scheduled(
            identity = "funnel-events-flush",
            every = FLUSH_EVERY,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledFlush() {
        flush();
    }

    void onStop(@Observes ShutdownEvent event) {
        earlyWriter.shutdown();
        flush();
    }

    /** Writes every event this instance still holds, waiting for a write under way. Never throws. */
    public void flush() {
        // One writer at a time, so a flush returns only once everything recorded before it is stored.
        writing.lock();
        try {
            List<Pending> events = new ArrayList<>();
            while (buffer.drainTo(events, WRITE_BATCH) > 0) {
                write(events);
                events.clear();
            }
        } finally {
            writing.unlock();
        }
    }

    /** Stores the events and counts them in the metrics once they are stored: the metrics count what the monitor does. */
    private void write(List<Pending> events) {
        List<Pending> stored;
        try {
            stored = store(events);
        } catch (RuntimeException first) {
            // Another instance can insert a day's or a company's first row at the same moment; once more sees it.
            try {
                stored = store(events);
            } catch (RuntimeException again) {
                Log.warnf("Could not record %d funnel events: %s", events.size(), again.toString());
                return;
            }
        }
        stored.forEach(event -> metrics.funnelStep(event.step(), event.category(), event.platform()));
    }

    private List<Pending> store(List<Pending> all) {
        // A company's repeated flow starts are dropped here, in the writing transaction, not on the request path.
        return QuarkusTransaction.requiringNew().call(() -> {
            List<Pending> counted = all.stream().filter(this::counted).toList();
            insert(counted);
            return counted;
        });
    }

    /** A company's flow starts once a day; a start by no known company, and every other step, always counts. */
    private boolean counted(Pending event) {
        return event.step() != FunnelStep.VALUE_EXCHANGE_VIEWED
                || event.companyId() == null
                || flowStarts.firstOfDay(event.companyId(), event.at());
    }

    private void insert(List<Pending> events) {
        Map<Day, Integer> days = new LinkedHashMap<>();
        // Each company's earliest instant per milestone, companies in id order so that two instances writing the same
        // companies lock their rows in the same order.
        Map<Long, Map<Milestone, Instant>> milestones = new TreeMap<>();
        for (Pending event : events) {
            days.merge(
                    new Day(
                            LocalDate.ofInstant(event.at(), ZoneOffset.UTC),
                            event.step().name(),
                            event.category() == null ? NONE : event.categoryKey(),
                            event.platform() == null ? NONE : event.platform()),
                    1,
                    Integer::sum);
            Milestone milestone = Milestone.reachedBy(event.step());
            if (milestone != null && event.companyId() != null) {
                milestones
                        .computeIfAbsent(event.companyId(), id -> new EnumMap<>(Milestone.class))
                        .merge(milestone, event.at(), (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT_EVENT)) {
                for (Pending event : events) {
                    insert.setString(1, event.step().name());
                    insert.setString(2, event.categoryKey());
                    insert.setString(3, event.platform());
                    insert.setObject(4, event.at().atOffset(ZoneOffset.UTC));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
        days.forEach((day, count) -> entityManager
                .createNativeQuery(ADD_TO_DAY)
                .setParameter(1, day.day())
                .setParameter(2, day.step())
                .setParameter(3, day.category())
                .setParameter(4, day.platform())
                .setParameter(5, count)
                .executeUpdate());
        // Company by company: its row locked, its milestones moved, its cohort counts moved with them.
        milestones.forEach((companyId, reached) -> {
            CompanyCohorts.Days before = cohorts.lock(companyId);
            reached.forEach((milestone, at) -> entityManager
                    .createNativeQuery(MILESTONE.formatted(milestone.column))
                    .setParameter(1, companyId)
                    .setParameter(2, at)
                    .executeUpdate());
            cohorts.move(before, cohorts.lock(companyId));
        });
    }

    private static Pending pending(FunnelStep step, Category category, String platformKey, Long companyId, Instant at) {
        String platform = platformKey == null || platformKey.length() > 40 ? null : platformKey;
        return new Pending(step, category, platform, companyId, at);
    }
}
