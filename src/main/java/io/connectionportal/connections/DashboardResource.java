package io.connectionportal.connections;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.connectionportal.platforms.Platform;
import io.connectionportal.platforms.PlatformCatalog;
import io.connectionportal.shared.CurrentUser;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/** The company's connections (M1): each platform with its status and who connected it. */
@Path("/connections")
@Authenticated
class DashboardResource {

    @TemplateData
    record Row(Connection connection, Platform platform) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance dashboard(List<Row> rows);
    }

    private final PlatformCatalog catalog;
    private final CurrentUser viewer;

    DashboardResource(PlatformCatalog catalog, CurrentUser viewer) {
        this.catalog = catalog;
        this.viewer = viewer;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance dashboard() {
        List<Row> rows = Connection.ofCompany(viewer.companyId()).stream()
                .flatMap(c -> catalog.find(c.platformKey).map(p -> new Row(c, p)).stream())
                .toList();
        return Templates.dashboard(rows);
    }
}
