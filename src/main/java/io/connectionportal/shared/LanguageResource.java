package io.connectionportal.shared;

import java.net.URI;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;

/** The language switcher: remembers the choice in a cookie and goes back to the page it came from. */
@Path("/language")
class LanguageResource {

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response choose(@RestForm String lang, @RestForm String next) {
        Language language = Language.fromTag(lang).orElse(Language.EN);
        NewCookie cookie = new NewCookie.Builder(Language.COOKIE)
                .value(language.tag())
                .path("/")
                .maxAge(60 * 60 * 24 * 365)
                .httpOnly(true)
                .sameSite(NewCookie.SameSite.LAX)
                .build();
        return Response.seeOther(URI.create(SafeRedirect.localPath(next, "/"))).cookie(cookie).build();
    }
}
