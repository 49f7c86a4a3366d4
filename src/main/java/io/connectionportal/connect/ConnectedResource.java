package io.connectionportal.connect;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

import io.connectionportal.connections.Connection;
import io.connectionportal.platforms.Platform;
import io.connectionportal.platforms.PlatformCatalog;
import io.connectionportal.shared.CurrentUser;
import io.connectionportal.sync.ProviderApis;

/** The confirmation after a successful connection: connect another, or go to your connections. */
@Path("/connect/connected/{id}")
@Authenticated
class ConnectedResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance connected(Connection connection, Platform platform, boolean readable);
    }

    private final PlatformCatalog catalog;
    private final CurrentUser viewer;
    private final ProviderApis apis;

    ConnectedResource(PlatformCatalog catalog, CurrentUser viewer, ProviderApis apis) {
        this.catalog = catalog;
        this.viewer = viewer;
        this.apis = apis;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance connected(@PathParam("id") long id) {
        Connection connection = Connection.ofCompany(viewer.companyId(), id)
                .filter(Connection::linked)
                .orElseThrow(NotFoundException::new);
        Platform platform = catalog.find(connection.platformKey).orElseThrow(NotFoundException::new);
        return Templates.connected(connection, platform, apis.readable(platform, connection.sandbox));
    }
}
