package io.connectionportal.shared;

import java.net.URI;
import java.time.Duration;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;

/** The language switcher: remembers the choice in a cookie and goes back to the page it came from. */
@Path("/language")
class LanguageResource {

    private final Cookies cookies;

    LanguageResource(Cookies cookies) {
        this.cookies = cookies;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response choose(@RestForm String lang, @RestForm String next) {
        Language language = Language.fromTag(lang).orElse(Language.EN);
        return Response.seeOther(URI.create(SafeRedirect.localPath(next, "/")))
                .cookie(cookies.of(Language.COOKIE, language.tag(), Duration.ofDays(365)))
                .build();
    }
}
