package io.connectionportal.shared;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;

/**
 * The brand colours as CSS custom properties. Served as a style sheet rather than inline so the
 * Content-Security-Policy can forbid inline styles.
 */
@Path("/theme.css")
class ThemeResource {

    private final Branding branding;

    ThemeResource(Branding branding) {
        this.branding = branding;
    }

    @GET
    @Produces("text/css")
    public Response theme() {
        String css = ":root{--brand:" + branding.primaryColour() + ";--on-brand:" + branding.onPrimaryColour()
                + ";--brand-text:" + branding.textColour() + ";}\n";
        CacheControl cache = new CacheControl();
        cache.setMaxAge(300);
        return Response.ok(css).cacheControl(cache).build();
    }
}
