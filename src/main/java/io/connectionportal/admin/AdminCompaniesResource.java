package io.connectionportal.admin;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.connectionportal.admin.AdminCompanies.CompanyPage;
import io.connectionportal.admin.CompanyOverviews.Overview;
import io.connectionportal.connections.Connection;
import io.connectionportal.platforms.DataType;
import io.connectionportal.shared.Company;
import io.connectionportal.shared.CurrentLanguage;
import io.connectionportal.shared.CurrentUser;
import io.connectionportal.shared.FormErrors;
import io.connectionportal.shared.User;

/**
 * The back office's companies: every company with search by name and external reference, one company's page
 * (connections, consents, activity, sync history, uploads, support requests), and the browser of its synced data.
 * For admins of the integrator, across companies; nothing here changes a company.
 */
@Path("/admin")
@RolesAllowed(User.ADMIN)
class AdminCompaniesResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance companies(
                CompanyPage page, String name, String ref, String search, FormErrors errors);

        static native TemplateInstance company(Overview overview);

        static native TemplateInstance data(
                Company company, Connection connection, String platformName, DataType type, DataTable table);
    }

    private final AdminCompanies companies;
    private final CompanyOverviews overviews;
    private final DataBrowser dataBrowser;
    private final CurrentLanguage language;
    private final CurrentUser viewer;

    AdminCompaniesResource(
            AdminCompanies companies,
            CompanyOverviews overviews,
            DataBrowser dataBrowser,
            CurrentLanguage language,
            CurrentUser viewer) {
        this.viewer = viewer;
        this.companies = companies;
        this.overviews = overviews;
        this.dataBrowser = dataBrowser;
        this.language = language;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response home(
            @QueryParam("name") String name, @QueryParam("ref") String ref, @QueryParam("before") Long before) {
        return list(name, ref, before);
    }

    /** {@code before}: the id of the last company of the previous page; a malformed one is a 404, like any bad path. */
    @GET
    @Path("companies")
    @Produces(MediaType.TEXT_HTML)
    public Response list(
            @QueryParam("name") String name, @QueryParam("ref") String ref, @QueryParam("before") Long before) {
        String nameQuery = value(name);
        String refQuery = value(ref);
        FormErrors errors = new FormErrors();
        AdminMessages msg = language.bundle(AdminMessages.class);
        if (nameQuery.length() > AdminCompanies.SEARCH_MAX) {
            errors.add("name", msg.search_too_long(AdminCompanies.SEARCH_MAX));
        }
        if (refQuery.length() > AdminCompanies.SEARCH_MAX) {
            errors.add("ref", msg.search_too_long(AdminCompanies.SEARCH_MAX));
        }
        if (errors.any()) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Templates.companies(null, nameQuery, refQuery, "", errors))
                    .build();
        }
        CompanyPage page = companies.page(nameQuery, refQuery, Optional.ofNullable(before));
        return Response.ok(Templates.companies(page, nameQuery, refQuery, search(nameQuery, refQuery), errors))
                .build();
    }

    @GET
    @Path("companies/{id: \\d+}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance company(@PathParam("id") long id, @QueryParam("activityBefore") Long activityBefore) {
        return Templates.company(
                overviews.of(id, Optional.ofNullable(activityBefore)).orElseThrow(NotFoundException::new));
    }

    /** {@code after}: the row id of the last record of the previous page. */
    @GET
    @Path("companies/{id: \\d+}/connections/{connectionId: \\d+}/data/{dataType}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance data(
            @PathParam("id") long id,
            @PathParam("connectionId") long connectionId,
            @PathParam("dataType") String dataType,
            @QueryParam("after") Long after) {
        DataType type = Arrays.stream(DataType.values())
                .filter(t -> t.key().equals(dataType))
                .findFirst()
                .orElseThrow(NotFoundException::new);
        DataBrowser.View view = dataBrowser
                .view(id, connectionId, type, Optional.ofNullable(after), viewer.email())
                .orElseThrow(NotFoundException::new);
        return Templates.data(
                view.company(),
                view.connection(),
                overviews.platformName(view.connection().platformKey),
                type,
                view.table());
    }

    @ServerExceptionMapper
    Response forbidden(ForbiddenException denied) {
        return BackOfficeForbidden.response();
    }

    /** The search as the start of a query string, for the page links ({@code name=…&}); empty without one. */
    private static String search(String name, String ref) {
        StringBuilder query = new StringBuilder();
        if (!name.isEmpty()) {
            query.append("name=")
                    .append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                    .append('&');
        }
        if (!ref.isEmpty()) {
            query.append("ref=")
                    .append(URLEncoder.encode(ref, StandardCharsets.UTF_8))
                    .append('&');
        }
        return query.toString();
    }

    private static String value(String parameter) {
        return parameter == null ? "" : parameter.strip();
    }
}
