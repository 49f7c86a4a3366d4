package io.connectionportal.shared;

import java.time.Duration;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import jakarta.ws.rs.core.NewCookie;

import io.quarkus.qute.TemplateData;

/**
 * A one-time notice shown on the page a POST redirects to ("Your consent is recorded"). The cookie
 * carries only the name of a registered {@link Notice}, so nothing a client sends ends up as page text.
 */
@RequestScoped
@Named("flash")
@TemplateData
public class Flash {

    static final String COOKIE = "flash";

    private final CurrentLanguage language;
    private final Notices notices;
    private final Cookies cookies;
    private Notice notice;

    Flash(CurrentLanguage language, Notices notices, Cookies cookies) {
        this.language = language;
        this.notices = notices;
        this.cookies = cookies;
    }

    void load(String cookieValue) {
        notice = notices.find(cookieValue).orElse(null);
    }

    boolean loaded() {
        return notice != null;
    }

    public boolean present() {
        return notice != null;
    }

    public String text() {
        return notice == null ? "" : notice.text(language.get());
    }

    /** The cookie to attach to a redirect so the next page shows {@code notice}. */
    public NewCookie next(Notice notice) {
        return cookies.of(COOKIE, notice.name(), Duration.ofMinutes(1));
    }

    NewCookie cleared() {
        return cookies.expired(COOKIE);
    }
}
