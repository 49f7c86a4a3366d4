package io.connectionportal.monitor;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.connectionportal.monitor.Figures.CategoryFunnel;
import io.connectionportal.monitor.Figures.FunnelStage;
import io.connectionportal.monitor.Figures.PlatformRow;
import io.connectionportal.monitor.Figures.Report;
import io.connectionportal.monitor.Figures.Week;
import io.connectionportal.shared.Csv;
import io.connectionportal.shared.CurrentLanguage;
import io.connectionportal.shared.FormErrors;
import io.connectionportal.shared.User;

/**
 * The auth-flow monitor (O1–O4) for admins: companies that authorized or uploaded, the funnel overall
 * and per category, the weekly completion rate as a chart and a table, and the platforms, for a
 * period chosen with a plain GET form; every table also as a CSV file. Anyone else signed in gets
 * 403; an anonymous visitor is sent to log in.
 */
@Path("/monitor")
@RolesAllowed(User.ADMIN)
class MonitorResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance monitor(
                Report report, WeeklyChart chart, MonitorFormat fmt, String from, String to, FormErrors errors);

        static native TemplateInstance forbidden();
    }

    /** The tables that can be downloaded, by file name. */
    enum Table {
        COMPANIES,
        FUNNEL,
        CATEGORIES,
        WEEKLY,
        PLATFORMS;

        String file() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Optional<Table> of(String file) {
            return Arrays.stream(values()).filter(t -> t.file().equals(file)).findFirst();
        }
    }

    private final MonitorReport reports;
    private final CurrentLanguage language;
    private final Clock clock;

    MonitorResource(MonitorReport reports, CurrentLanguage language) {
        this.reports = reports;
        this.language = language;
        this.clock = Clock.systemUTC();
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response page(@QueryParam("from") String from, @QueryParam("to") String to) {
        MonitorFormat fmt = new MonitorFormat(language.get());
        FormErrors errors = new FormErrors();
        Optional<DateRange> range = range(from, to, errors, fmt.messages());
        if (range.isEmpty()) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Templates.monitor(null, null, fmt, value(from), value(to), errors))
                    .build();
        }
        Report report = reports.report(range.get());
        return Response.ok(Templates.monitor(
                        report,
                        WeeklyChart.of(report.weeks()),
                        fmt,
                        range.get().from().toString(),
                        range.get().to().toString(),
                        errors))
                .build();
    }

    @GET
    @Path("{table: [a-z]+}.csv")
    @Produces("text/csv")
    public Response csv(@PathParam("table") String file, @QueryParam("from") String from, @QueryParam("to") String to) {
        Table table = Table.of(file).orElseThrow(NotFoundException::new);
        FormErrors errors = new FormErrors();
        Optional<DateRange> range = range(from, to, errors, new MonitorFormat(language.get()).messages());
        if (range.isEmpty()) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8"))
                    .entity(String.join(
                                    "\n",
                                    errors.entries().stream()
                                            .map(e -> e.getValue())
                                            .toList()) + "\n")
                    .build();
        }
        Report report = reports.report(range.get());
        String name = "monitor-" + table.file() + "-" + range.get().from() + "-"
                + range.get().to() + ".csv";
        return Response.ok(csv(table, report))
                .type("text/csv; charset=UTF-8")
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .build();
    }

    /**
     * A signed-in user without the admin role: a page that says so, in the portal's frame. The role is
     * checked before the CSRF filter runs, so the page is a bare one (no forms).
     */
    @ServerExceptionMapper
    Response forbidden(ForbiddenException denied) {
        return Response.status(Response.Status.FORBIDDEN)
                .type(MediaType.TEXT_HTML_TYPE)
                .entity(Templates.forbidden())
                .build();
    }

    /** The period asked for; a missing end is today, a missing start twelve weeks before the end. */
    private Optional<DateRange> range(String from, String to, FormErrors errors, MonitorMessages msg) {
        Optional<LocalDate> start = DateRange.parse(from);
        Optional<LocalDate> end = DateRange.parse(to);
        if (!value(from).isEmpty() && start.isEmpty()) {
            errors.add("from", msg.error_from());
        }
        if (!value(to).isEmpty() && end.isEmpty()) {
            errors.add("to", msg.error_to());
        }
        if (errors.any()) {
            return Optional.empty();
        }
        LocalDate last = end.orElse(LocalDate.now(clock));
        LocalDate first = start.orElse(DateRange.defaultFor(last).from());
        if (first.isAfter(last)) {
            errors.add("from", msg.error_order());
            return Optional.empty();
        }
        return Optional.of(new DateRange(first, last));
    }

    private static String value(String parameter) {
        return parameter == null ? "" : parameter.strip();
    }

    static String csv(Table table, Report report) {
        return switch (table) {
            case COMPANIES ->
                new Csv("measure", "companies", "share_percent")
                        .row(
                                "signed_up",
                                report.companies().signedUp(),
                                report.companies().signedUpShare().csv())
                        .row(
                                "authorized",
                                report.companies().authorized(),
                                report.companies().authorizedShare().csv())
                        .row(
                                "uploaded",
                                report.companies().uploaded(),
                                report.companies().uploadedShare().csv())
                        .toString();
            case FUNNEL -> {
                Csv csv = new Csv("step", "count", "share_of_started_percent", "drop_off", "drop_off_percent");
                for (FunnelStage stage : report.funnel()) {
                    csv.row(
                            stage.stage().csv,
                            stage.events(),
                            stage.ofStarted().csv(),
                            stage.first() ? null : stage.dropOff(),
                            stage.first() ? "" : stage.dropOffRate().csv());
                }
                yield csv.toString();
            }
            case CATEGORIES -> {
                Csv csv = new Csv(
                        "category",
                        "started",
                        "began",
                        "began_share_of_started_percent",
                        "completed",
                        "drop_off",
                        "drop_off_percent");
                for (CategoryFunnel row : report.categories()) {
                    csv.row(
                            row.category().key(),
                            row.started(),
                            row.began(),
                            row.beganOfStarted().csv(),
                            row.completed(),
                            row.dropOff(),
                            row.dropOffRate().csv());
                }
                yield csv.toString();
            }
            case WEEKLY -> {
                Csv csv = new Csv("week_start", "week_end", "began", "completed", "completion_rate_percent");
                for (Week week : report.weeks()) {
                    csv.row(
                            week.start().toString(),
                            week.end().toString(),
                            week.began(),
                            week.completed(),
                            week.completionRate().csv());
                }
                yield csv.toString();
            }
            case PLATFORMS -> {
                Csv csv = new Csv(
                        "platform",
                        "name",
                        "category",
                        "began",
                        "completed",
                        "cancelled",
                        "failed",
                        "completion_rate_percent");
                for (PlatformRow row : report.platforms()) {
                    csv.row(
                            row.key(),
                            row.name(),
                            row.category() == null ? "" : row.category().key(),
                            row.began(),
                            row.completed(),
                            row.cancelled(),
                            row.failed(),
                            row.completionRate().csv());
                }
                yield csv.toString();
            }
        };
    }
}
