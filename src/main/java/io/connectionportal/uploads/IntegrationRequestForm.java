package io.connectionportal.uploads;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

import org.jboss.resteasy.reactive.RestForm;

import io.connectionportal.platforms.Category;
import io.connectionportal.shared.FormErrors;
import io.connectionportal.shared.Validation;

/** The "request an integration" form as submitted. */
public class IntegrationRequestForm {

    static final int NAME_MAX = 120;
    static final int WEBSITE_MAX = 200;
    static final int NOTE_MAX = 1000;

    @RestForm
    public String platformName;

    @RestForm
    public String website;

    @RestForm
    public String category;

    @RestForm
    public String note;

    public String platformName() {
        return Validation.trim(platformName);
    }

    public String website() {
        return Validation.trim(website);
    }

    public String note() {
        return Validation.trim(note);
    }

    public boolean categoryIs(Category candidate) {
        return candidate.key().equals(category);
    }

    Optional<Category> categoryValue() {
        return Category.fromKey(category);
    }

    FormErrors validate(UploadMessages msg) {
        FormErrors errors = new FormErrors();
        if (platformName().isEmpty()) {
            errors.add("platformName", msg.error_name_required());
        } else if (platformName().length() > NAME_MAX) {
            errors.add("platformName", msg.error_name_too_long(NAME_MAX));
        }
        if (website().length() > WEBSITE_MAX) {
            errors.add("website", msg.error_website_too_long(WEBSITE_MAX));
        } else if (!website().isEmpty() && !isWebAddress(website())) {
            errors.add("website", msg.error_website_format());
        }
        if (category != null && !category.isEmpty() && categoryValue().isEmpty()) {
            errors.add("category", msg.error_category_unknown());
        }
        if (note().length() > NOTE_MAX) {
            errors.add("note", msg.error_note_too_long(NOTE_MAX));
        }
        return errors;
    }

    /** An absolute http(s) address with a host; no user name or password in it, no spaces or control characters. */
    static boolean isWebAddress(String value) {
        if (value.chars().anyMatch(c -> c <= 0x20 || c == 0x7f)) {
            return false;
        }
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https"))
                    && uri.getHost() != null
                    && !uri.getHost().isEmpty()
                    && uri.getRawUserInfo() == null;
        } catch (URISyntaxException malformed) {
            return false;
        }
    }
}
