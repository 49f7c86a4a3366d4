package io.connectionportal.access;

import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

import io.quarkus.qute.TemplateData;

import io.connectionportal.connections.CompanyConnections;
import io.connectionportal.connections.ConnectionStatus;
import io.connectionportal.platforms.Platform;
import io.connectionportal.platforms.PlatformCatalog;
import io.connectionportal.shared.CurrentPath;
import io.connectionportal.shared.CurrentUser;

/**
 * The signed-in company's connections that need reconnecting, for the banner the layout shows on every page
 * ({@code inject:brokenConnections}). Made only when the layout asks, from the company's connections as the page read
 * them ({@link CompanyConnections}: the dashboard and the picker pay no second query); the connection's own page leaves
 * it out, since its Reconnect is on the page.
 */
@RequestScoped
@Named("brokenConnections")
public class BrokenConnections {

    /** One connection to reconnect: its id (the Reconnect form's address) and its platform's name. */
    @TemplateData
    public record Broken(long id, String platformName) {}

    private final CurrentUser viewer;
    private final CurrentPath path;
    private final PlatformCatalog catalog;
    private final CompanyConnections connections;
    private List<Broken> found;

    BrokenConnections(CurrentUser viewer, CurrentPath path, PlatformCatalog catalog, CompanyConnections connections) {
        this.viewer = viewer;
        this.path = path;
        this.catalog = catalog;
        this.connections = connections;
    }

    public List<Broken> list() {
        if (found == null) {
            found = viewer.signedIn() ? read() : List.of();
        }
        return found;
    }

    private List<Broken> read() {
        String here = path.value();
        return connections.of(viewer.companyId()).stream()
                .filter(c -> c.status == ConnectionStatus.REAUTH_REQUIRED && !onItsPage(here, c.id))
                .sorted(Comparator.comparingLong(c -> c.id))
                .map(c -> new Broken(
                        c.id, catalog.find(c.platformKey).map(Platform::name).orElse(c.platformKey)))
                .toList();
    }

    /** The connection's page and its sub-pages (a refused Reconnect re-renders the page at {@code …/reconnect}). */
    private static boolean onItsPage(String here, long id) {
        String page = "/connections/" + id;
        return here.equals(page) || here.startsWith(page + "/") || here.startsWith(page + "?");
    }
}
