package io.connectionportal.access;

import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

import io.quarkus.qute.TemplateData;

import io.connectionportal.connections.Connection;
import io.connectionportal.connections.ConnectionStatus;
import io.connectionportal.platforms.Platform;
import io.connectionportal.platforms.PlatformCatalog;
import io.connectionportal.shared.CurrentPath;
import io.connectionportal.shared.CurrentUser;

/**
 * The signed-in company's connections that need reconnecting, for the banner the layout shows on every page
 * ({@code inject:brokenConnections}). One read per page that shows it, on the {@code (company_id, status)} index,
 * made only when the layout asks; the connection's own page leaves it out, since its Reconnect is on the page.
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
    private List<Broken> found;

    BrokenConnections(CurrentUser viewer, CurrentPath path, PlatformCatalog catalog) {
        this.viewer = viewer;
        this.path = path;
        this.catalog = catalog;
    }

    public List<Broken> list() {
        if (found == null) {
            found = viewer.signedIn() ? read() : List.of();
        }
        return found;
    }

    private List<Broken> read() {
        String here = path.value();
        return Connection.getEntityManager()
                .createQuery(
                        "select c.id, c.platformKey from Connection c where c.companyId = ?1 and c.status = ?2"
                                + " order by c.id",
                        Object[].class)
                .setParameter(1, viewer.companyId())
                .setParameter(2, ConnectionStatus.REAUTH_REQUIRED)
                .getResultList()
                .stream()
                .map(row -> new Broken(
                        (Long) row[0],
                        catalog.find((String) row[1]).map(Platform::name).orElse((String) row[1])))
                .filter(broken -> !onItsPage(here, broken.id()))
                .toList();
    }

    /** The connection's page and its sub-pages (a refused Reconnect re-renders the page at {@code …/reconnect}). */
    private static boolean onItsPage(String here, long id) {
        String page = "/connections/" + id;
        return here.equals(page) || here.startsWith(page + "/") || here.startsWith(page + "?");
    }
}
