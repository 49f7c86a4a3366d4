package io.connectionportal.shared;

import java.util.Arrays;
import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import jakarta.ws.rs.core.NewCookie;

import io.connectionportal.connect.ConnectMessages;
import io.connectionportal.uploads.UploadMessages;
import io.connectionportal.onboarding.OnboardingMessages;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/**
 * A one-time notice shown on the page a POST redirects to ("Your consent is recorded"). The cookie
 * carries only the name of a {@link Notice}, so nothing a client sends ends up as page text.
 */
@RequestScoped
@Named("flash")
public class Flash {

    static final String COOKIE = "flash";

    public enum Notice {
        SIGNED_OUT, CONSENT_RECORDED, NDA_ACCEPTED, SUPPORT_SENT,
        UPLOAD_RECEIVED, INTEGRATION_REQUESTED,
        CONNECTION_DEAUTHORIZED, CONNECTION_DELETED, CONNECTION_DELETED_REVOCATION_PENDING, CONNECTION_RECONNECTED,
        RECONNECT_CANCELLED, PROFILE_SAVED
    }

    private final CurrentLanguage language;
    private Notice notice;

    Flash(CurrentLanguage language) {
        this.language = language;
    }

    void load(String cookieValue) {
        notice = Arrays.stream(Notice.values()).filter(n -> n.name().equals(cookieValue)).findFirst().orElse(null);
    }

    boolean loaded() {
        return notice != null;
    }

    public boolean present() {
        return notice != null;
    }

    public Optional<Notice> notice() {
        return Optional.ofNullable(notice);
    }

    public String text() {
        if (notice == null) {
            return "";
        }
        Messages msg = language.messages();
        return switch (notice) {
            case SIGNED_OUT -> msg.flash_signed_out();
            case CONSENT_RECORDED -> msg.flash_consent_recorded();
            case NDA_ACCEPTED -> msg.flash_nda_accepted();
            case SUPPORT_SENT -> msg.flash_support_sent();
            case UPLOAD_RECEIVED -> bundle(UploadMessages.class).flash_upload_received();
            case INTEGRATION_REQUESTED -> bundle(UploadMessages.class).flash_integration_requested();
            case CONNECTION_DEAUTHORIZED -> bundle(ConnectMessages.class).flash_deauthorized();
            case CONNECTION_DELETED -> bundle(ConnectMessages.class).flash_deleted();
            case CONNECTION_DELETED_REVOCATION_PENDING -> bundle(ConnectMessages.class).flash_deleted_revocation_pending();
            case CONNECTION_RECONNECTED -> bundle(ConnectMessages.class).flash_reconnected();
            case RECONNECT_CANCELLED -> bundle(ConnectMessages.class).flash_reconnect_cancelled();
            case PROFILE_SAVED -> bundle(OnboardingMessages.class).flash_profile_saved();
        };
    }

    /** A feature's own message bundle in the current language, as {@link CurrentLanguage#messages()} gives the shared one. */
    private <T> T bundle(Class<T> type) {
        return language.get() == Language.EN
                ? MessageBundles.get(type)
                : MessageBundles.get(type, Localized.Literal.of(language.tag()));
    }

    /** The cookie to attach to a redirect so the next page shows {@code notice}. */
    public static NewCookie next(Notice notice) {
        return cookie(notice.name(), 60);
    }

    static NewCookie cleared() {
        return cookie("", 0);
    }

    private static NewCookie cookie(String value, int maxAge) {
        return new NewCookie.Builder(COOKIE).value(value).path("/").maxAge(maxAge)
                .httpOnly(true).sameSite(NewCookie.SameSite.LAX).build();
    }
}
