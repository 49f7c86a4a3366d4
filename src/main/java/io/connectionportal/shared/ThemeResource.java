package io.connectionportal.shared;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * The brand colours as CSS custom properties. Served as a style sheet rather than inline so the
 * Content-Security-Policy can forbid inline styles; pages link it under its fingerprint ({@code inject:brand.themeUrl}),
 * so like the other static files it is cached for a year and fetched again only when the branding changes.
 */
@Path(ThemeResource.PATH)
class ThemeResource {

    static final String PATH = "/theme.css";

    private final Branding branding;

    ThemeResource(Branding branding) {
        this.branding = branding;
    }

    @GET
    @Produces("text/css")
    public Response theme(@QueryParam(Assets.VERSION) String fingerprint) {
        return Response.ok(branding.themeCss())
                .header(HttpHeaders.CACHE_CONTROL, Assets.cacheControl(fingerprint, branding.themeFingerprint()))
                .build();
    }
}
