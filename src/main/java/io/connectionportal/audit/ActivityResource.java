package io.connectionportal.audit;

import java.util.List;
import java.util.Optional;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

import io.connectionportal.platforms.Platform;
import io.connectionportal.platforms.PlatformCatalog;
import io.connectionportal.shared.CurrentUser;

/**
 * The company's activity (M6): its whole audit trail, newest first and a page at a time, with the events of
 * connections it deleted, so the record a delete page promises can be seen. Only the signed-in company's events;
 * a page view reads one page of indexed rows and writes nothing.
 */
@Path("/activity")
@Authenticated
class ActivityResource {

    static final int PAGE_SIZE = 50;

    /** One line of the page: the event and the name of its platform, if it concerns one. */
    record Line(AuditEvent event, Optional<String> platformName) {

        /** Whether the event concerns one connection, which the page names by platform and id. */
        public boolean aboutConnection() {
            return platformName.isPresent() && event.connectionId != null;
        }

        public String platform() {
            return platformName.orElse("");
        }

        public long connectionId() {
            return event.connectionId == null ? 0 : event.connectionId;
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance activity(List<Line> lines, Optional<Long> olderBefore, boolean notNewest);
    }

    private final AuditTrail audit;
    private final PlatformCatalog catalog;
    private final CurrentUser viewer;

    ActivityResource(AuditTrail audit, PlatformCatalog catalog, CurrentUser viewer) {
        this.audit = audit;
        this.catalog = catalog;
        this.viewer = viewer;
    }

    /** {@code before}: the id of the last event of the previous page; a malformed one is a 404, like any bad path. */
    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance activity(@QueryParam("before") Long before) {
        AuditTrail.ActivityPage page = audit.page(viewer.companyId(), Optional.ofNullable(before), PAGE_SIZE);
        List<Line> lines = page.events().stream()
                .map(e -> new Line(
                        e,
                        Optional.ofNullable(e.platformKey)
                                .map(key ->
                                        catalog.find(key).map(Platform::name).orElse(key))))
                .toList();
        return Templates.activity(lines, page.olderBefore(), page.notNewest());
    }
}
