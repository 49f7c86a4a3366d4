package io.connectionportal.sandbox;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import org.jboss.resteasy.reactive.RestPath;

import io.connectionportal.platforms.DataType;
import io.connectionportal.platforms.Platform;
import io.connectionportal.platforms.PlatformCatalog;
import io.connectionportal.sandbox.AuthorizationCheck.Refused;
import io.connectionportal.sandbox.AuthorizationCheck.Rejected;
import io.connectionportal.sandbox.AuthorizationCheck.Valid;
import io.connectionportal.shared.Countries;
import io.connectionportal.shared.CurrentLanguage;
import io.connectionportal.shared.FormErrors;
import io.connectionportal.shared.Validation;

/**
 * The sandbox's authorization endpoint: the provider's sign-in and consent page ("Sign in to Xero
 * (Sandbox)") with Allow and Deny. A browser form, so unlike the token endpoint it is a REST resource
 * and carries the portal's CSRF token. Every parameter is checked again when the form comes back.
 */
@Path("/sandbox/{platform}/oauth/authorize")
class SandboxAuthorizeResource {

    static final String DEMO_EMAIL = "demo@sandbox.example";
    /** Shown as dots in the prefilled password field; the sandbox accepts any password. */
    static final String DEMO_PASSWORD = "sandbox-demo";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance authorize(
                Platform platform,
                String product,
                List<DataType> dataTypes,
                boolean offline,
                AccountPreview account,
                AuthorizeForm form,
                FormErrors errors);

        static native TemplateInstance rejected(String platformName, AuthorizationCheck.Untrusted reason);
    }

    private final PlatformCatalog catalog;
    private final SandboxClient client;
    private final SandboxAuthorizations authorizations;
    private final SandboxAccounts accounts;
    private final CurrentLanguage language;
    private final Countries countries;

    SandboxAuthorizeResource(
            PlatformCatalog catalog,
            SandboxClient client,
            SandboxAuthorizations authorizations,
            SandboxAccounts accounts,
            CurrentLanguage language,
            Countries countries) {
        this.countries = countries;
        this.catalog = catalog;
        this.client = client;
        this.authorizations = authorizations;
        this.accounts = accounts;
        this.language = language;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response show(@RestPath String platform, @Context UriInfo uri) {
        MultivaluedMap<String, String> query = uri.getQueryParameters();
        Set<String> repeated = new TreeSet<>();
        query.forEach((name, values) -> {
            if (values.size() > 1) {
                repeated.add(name);
            }
        });
        AuthorizeForm form = AuthorizeForm.fromQuery(query);
        AuthorizationCheck check = AuthorizationCheck.of(catalog.find(platform), form, repeated, client);
        if (check instanceof Valid valid) {
            form.email = DEMO_EMAIL;
            form.password = DEMO_PASSWORD;
            return page(valid, form, FormErrors.none(), Response.Status.OK);
        }
        return answer(check, form);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response decide(@RestPath String platform, @BeanParam AuthorizeForm form) {
        AuthorizationCheck check = AuthorizationCheck.of(catalog.find(platform), form, Set.of(), client);
        if (!(check instanceof Valid valid)) {
            return answer(check, form);
        }
        if ("deny".equals(form.decision)) {
            return redirect(valid.platform(), form, Map.of("error", "access_denied"));
        }
        SandboxMessages msg = language.bundle(SandboxMessages.class);
        FormErrors errors = new FormErrors();
        if (!"allow".equals(form.decision)) {
            errors.add("allow", msg.error_decision());
        } else if (form.email().isEmpty()) {
            errors.add("email", msg.error_email_required());
        } else if (!Validation.isEmail(form.email())) {
            errors.add("email", msg.error_email_format());
        }
        if (errors.any()) {
            // Like the portal's own forms, never echo a typed password; the demo one is shown again.
            form.password = DEMO_PASSWORD;
            return page(valid, form, errors, Response.Status.BAD_REQUEST);
        }
        String email = Validation.normaliseEmail(form.email);
        long account = accounts.open(form.accountHint().orElse(email), form.country());
        String code = authorizations.approve(
                valid.platform(), form.clientId, email, account, valid.scopes(), form.redirectUri, form.codeChallenge);
        return redirect(valid.platform(), form, Map.of("code", code));
    }

    /** The company a hinted account shares, and its country in the reader's language. */
    record AccountPreview(String company, String country) {}

    private Response page(Valid valid, AuthorizeForm form, FormErrors errors, Response.Status status) {
        // Only a hinted account is known before sign-in; without a hint the typed e-mail address names it.
        AccountPreview account = form.accountHint()
                .map(subject -> new SandboxData(valid.platform(), accounts.preview(subject, form.country())).company())
                .map(company -> new AccountPreview(
                        company.legalName(), countries.name(company.address().country())))
                .orElse(null);
        TemplateInstance page = Templates.authorize(
                valid.platform(),
                client.displayName(),
                Scopes.dataTypes(valid.scopes(), valid.platform()),
                Scopes.offline(valid.scopes()),
                account,
                form,
                errors);
        return Response.status(status)
                .entity(page)
                .header("Cache-Control", "no-store")
                .build();
    }

    private Response answer(AuthorizationCheck check, AuthorizeForm form) {
        if (check instanceof Refused refused) {
            Map<String, String> error = new LinkedHashMap<>();
            error.put("error", refused.error());
            error.put("error_description", refused.description());
            return redirect(refused.platform(), form, error);
        }
        Rejected rejected = (Rejected) check;
        return Response.status(Response.Status.BAD_REQUEST)
                .entity(Templates.rejected(rejected.platformName(), rejected.reason()))
                .header("Cache-Control", "no-store")
                .build();
    }

    /** The authorization response: a 303 to the registered redirect URI with state and issuer (RFC 9207). */
    private Response redirect(Platform platform, AuthorizeForm form, Map<String, String> outcome) {
        Map<String, String> params = new LinkedHashMap<>(outcome);
        if (form.state != null) {
            params.put("state", form.state);
        }
        params.put("iss", client.issuer(platform));
        StringBuilder location = new StringBuilder(form.redirectUri);
        char separator = form.redirectUri.indexOf('?') < 0 ? '?' : '&';
        for (Map.Entry<String, String> param : params.entrySet()) {
            location.append(separator)
                    .append(encode(param.getKey()))
                    .append('=')
                    .append(encode(param.getValue()));
            separator = '&';
        }
        return Response.seeOther(URI.create(location.toString()))
                .header("Cache-Control", "no-store")
                .build();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
