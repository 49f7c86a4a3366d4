package io.connectionportal.shared;

import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/** The integrator's branding (I1), read by every page as {@code inject:brand}. */
@ApplicationScoped
@Named("brand")
public class Branding {

    static final String DEFAULT_COLOUR = "#1d4ed8";
    private static final Pattern HEX_COLOUR = Pattern.compile("#[0-9a-fA-F]{6}");

    private final PortalConfig config;

    Branding(PortalConfig config) {
        this.config = config;
    }

    public String productName() {
        return config.productName();
    }

    public String logo() {
        return config.logo();
    }

    /** Only a strict #rrggbb value reaches the style sheet, so configuration cannot inject CSS. */
    public String primaryColour() {
        String colour = config.primaryColour().trim();
        return HEX_COLOUR.matcher(colour).matches() ? colour.toLowerCase() : DEFAULT_COLOUR;
    }

    /** Black or white, whichever contrasts more with the brand colour (WCAG relative luminance). */
    public String onPrimaryColour() {
        String hex = primaryColour();
        double luminance = 0.2126 * channel(hex, 1) + 0.7152 * channel(hex, 3) + 0.0722 * channel(hex, 5);
        double contrastWithWhite = 1.05 / (luminance + 0.05);
        double contrastWithBlack = (luminance + 0.05) / 0.05;
        return contrastWithWhite >= contrastWithBlack ? "#ffffff" : "#000000";
    }

    private static double channel(String hex, int offset) {
        double c = Integer.parseInt(hex.substring(offset, offset + 2), 16) / 255.0;
        return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    public String supportPhone() {
        return config.support().phone();
    }

    /** The phone number as a tel: URI, digits and a leading plus only. */
    public String supportPhoneHref() {
        return "tel:" + config.support().phone().replaceAll("[^0-9+]", "");
    }

    public String supportEmail() {
        return config.support().email();
    }

    public Optional<String> supportHours() {
        return config.support().hours();
    }

    public boolean poweredByEnabled() {
        return config.poweredBy().enabled();
    }

    public String poweredByName() {
        return config.poweredBy().name();
    }

    public String poweredByUrl() {
        return config.poweredBy().url();
    }
}
