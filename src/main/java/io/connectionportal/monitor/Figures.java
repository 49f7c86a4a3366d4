package io.connectionportal.monitor;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import io.quarkus.qute.TemplateData;

import io.connectionportal.platforms.Category;

/** What the monitor shows, as plain numbers: the page and the CSV files format the same figures. */
final class Figures {

    private Figures() {}

    /**
     * A share, {@code part} of {@code whole}, as a percentage with one decimal rounded half up; none of nothing.
     * Never above 100%: events are counted per period, not paired per flow, so a period can hold completions
     * of flows begun before it (or begun by a share link without the value-exchange page).
     */
    @TemplateData
    record Rate(long part, long whole) {
        Optional<BigDecimal> percent() {
            return whole == 0
                    ? Optional.empty()
                    : Optional.of(BigDecimal.valueOf(Math.min(part, whole))
                            .multiply(BigDecimal.valueOf(100))
                            .divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP));
        }

        /** For a CSV cell: {@code 66.7}, or empty when there is nothing to divide by. */
        String csv() {
            return percent().map(BigDecimal::toPlainString).orElse("");
        }
    }

    /** O1: of the companies that signed up in the range, how many authorized a connection and uploaded files by its end. */
    @TemplateData
    record Companies(long signedUp, long authorized, long uploaded) {
        public Rate signedUpShare() {
            return new Rate(signedUp, signedUp);
        }

        public Rate authorizedShare() {
            return new Rate(authorized, signedUp);
        }

        public Rate uploadedShare() {
            return new Rate(uploaded, signedUp);
        }
    }

    /** The three steps of O2's funnel. */
    enum Stage {
        STARTED("started"),
        BEGAN("began_authorization"),
        COMPLETED("completed_authorization");

        final String csv;

        Stage(String csv) {
            this.csv = csv;
        }
    }

    /**
     * One step of the overall funnel: its events, their share of started flows, and the drop-off from
     * the step before (none for the first step).
     */
    @TemplateData
    record FunnelStage(Stage stage, long events, Rate ofStarted, long dropOff, Rate dropOffRate) {
        public boolean first() {
            return stage == Stage.STARTED;
        }
    }

    /** O2 per category: every flow can go on to any category, so each is measured against all started flows. */
    @TemplateData
    record CategoryFunnel(Category category, long started, long began, long completed) {
        public Rate beganOfStarted() {
            return new Rate(began, started);
        }

        public long dropOff() {
            return MonitorReport.lost(began, completed);
        }

        public Rate dropOffRate() {
            return new Rate(dropOff(), began);
        }
    }

    /** O3: one week, Monday to Sunday (UTC). */
    @TemplateData
    record Week(LocalDate start, long began, long completed) {
        public LocalDate end() {
            return start.plusDays(6);
        }

        public Rate completionRate() {
            return new Rate(completed, began);
        }

        public boolean empty() {
            return began == 0;
        }
    }

    /** O4: one platform's authorizations. {@code name} is the catalog's, or the key for a platform no longer in it. */
    @TemplateData
    record PlatformRow(
            String key, String name, Category category, long began, long completed, long cancelled, long failed) {
        public Rate completionRate() {
            return new Rate(completed, began);
        }
    }

    @TemplateData
    record Report(
            DateRange range,
            Companies companies,
            List<FunnelStage> funnel,
            List<CategoryFunnel> categories,
            List<Week> weeks,
            List<PlatformRow> platforms) {
        public LocalDate from() {
            return range.from();
        }

        public LocalDate to() {
            return range.to();
        }

        public LocalDate weeksFrom() {
            return weeks.get(0).start();
        }

        public LocalDate weeksTo() {
            return weeks.get(weeks.size() - 1).end();
        }
    }
}
