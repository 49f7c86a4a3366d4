package io.connectionportal.shared;

import java.net.URI;
import java.time.Duration;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.narayana.jta.QuarkusTransaction;
import org.jboss.resteasy.reactive.RestForm;

/** The language switcher: remembers the choice in a cookie and goes back to the page it came from. */
@Path("/language")
class LanguageResource {

    private final Cookies cookies;
    private final CurrentUser viewer;

    LanguageResource(Cookies cookies, CurrentUser viewer) {
        this.cookies = cookies;
        this.viewer = viewer;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response choose(@RestForm String lang, @RestForm String next) {
        Language language = Language.fromTag(lang).orElse(Language.EN);
        if (viewer.signedIn()) {
            // E-mails sent outside a request (a connection that broke) are written in the language last chosen.
            QuarkusTransaction.requiringNew()
                    .run(() -> User.update(
                            "language = ?1 where id = ?2 and (language is null or language <> ?1)",
                            language.tag(),
                            viewer.userId()));
        }
        return Response.seeOther(URI.create(SafeRedirect.localPath(next, "/")))
                .cookie(cookies.of(Language.COOKIE, language.tag(), Duration.ofDays(365)))
                .build();
    }
}
