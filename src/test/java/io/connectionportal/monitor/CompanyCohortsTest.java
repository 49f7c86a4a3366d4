package io.connectionportal.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import io.connectionportal.testing.Browser;

/**
 * The monitor counts a period's companies from counts per sign-up day and milestone day, kept as milestones are
 * written: a milestone written late moves its company to its earlier day, a company is counted once however many
 * times it reaches a milestone, and one that reached it after the period is not counted in it. Events in March 2022,
 * a period of their own.
 */
@QuarkusTest
class CompanyCohortsTest {

    private static final long COMPANY = 9_400_000;

    @Inject
    FunnelEvents events;

    @Test
    void aPeriodsCompaniesAreCountedByTheDayTheyReachedEachMilestone() {
        // Company 1: signed up 2 March, authorized 20 March, then an authorization of 5 March written late.
        record(FunnelStep.SIGNED_UP, COMPANY + 1, "2022-03-02T09:00:00Z");
        record(FunnelStep.AUTHORIZATION_COMPLETED, COMPANY + 1, "2022-03-20T09:00:00Z");
        record(FunnelStep.AUTHORIZATION_COMPLETED, COMPANY + 1, "2022-03-05T09:00:00Z");
        // Company 2: authorized before its sign-up was written; uploads twice.
        record(FunnelStep.AUTHORIZATION_COMPLETED, COMPANY + 2, "2022-03-04T12:00:00Z");
        record(FunnelStep.SIGNED_UP, COMPANY + 2, "2022-03-03T23:59:00Z");
        record(FunnelStep.FILE_UPLOADED, COMPANY + 2, "2022-03-06T10:00:00Z");
        record(FunnelStep.FILE_UPLOADED, COMPANY + 2, "2022-03-07T10:00:00Z");
        // Company 3: signed up 9 March, uploaded in April.
        record(FunnelStep.SIGNED_UP, COMPANY + 3, "2022-03-09T08:00:00Z");
        record(FunnelStep.FILE_UPLOADED, COMPANY + 3, "2022-04-02T08:00:00Z");

        Browser admin = MonitorFixtures.signedIn(MonitorFixtures.ADMIN);
        assertEquals(
                List.of(
                        List.of("Signed up", "3", "100.0%"),
                        List.of("Authorized at least one connection", "2", "66.7%"),
                        List.of("Uploaded files", "1", "33.3%")),
                companies(admin, "from=2022-03-01&to=2022-03-31"));
        // Until 5 March: company 1's late authorization counts, company 2's upload of 6 March not yet.
        assertEquals(
                List.of(
                        List.of("Signed up", "2", "100.0%"),
                        List.of("Authorized at least one connection", "2", "100.0%"),
                        List.of("Uploaded files", "0", "0.0%")),
                companies(admin, "from=2022-03-01&to=2022-03-05"));
        // April holds company 3's upload, but not its sign-up: no company signed up in April.
        assertEquals(
                "0", companies(admin, "from=2022-04-01&to=2022-04-30").get(0).get(1));
    }

    private void record(FunnelStep step, long company, String at) {
        events.record(step, null, null, company, Instant.parse(at));
    }

    private static List<List<String>> companies(Browser admin, String period) {
        List<List<String>> table =
                MonitorTest.table(admin.get("/monitor?" + period).body().asString(), "companies");
        return table.subList(1, table.size());
    }
}
