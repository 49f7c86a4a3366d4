package io.connectionportal.shared;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import io.quarkus.qute.TemplateData;

/** The integrator's branding (I1), read by every page as {@code inject:brand}. */
@ApplicationScoped
@Named("brand")
@TemplateData
public class Branding {

    static final String DEFAULT_COLOUR = "#1d4ed8";
    private static final Pattern HEX_COLOUR = Pattern.compile("#[0-9a-fA-F]{6}");

    private final PortalConfig config;
    private final CopyText copy;
    private final String themeCss;
    private final String themeFingerprint;

    Branding(PortalConfig config, CopyText copy) {
        this.config = config;
        this.copy = copy;
        this.themeCss = ":root{--brand:" + primaryColour() + ";--on-brand:" + onPrimaryColour() + ";--brand-text:"
                + textColour() + ";}\n";
        this.themeFingerprint = Assets.fingerprint(themeCss.getBytes(StandardCharsets.UTF_8));
    }

    /** The brand colours as CSS custom properties, served at {@link #themeUrl()}. */
    String themeCss() {
        return themeCss;
    }

    String themeFingerprint() {
        return themeFingerprint;
    }

    /** The style sheet's address with a fingerprint of its colours, so browsers keep it until the branding changes. */
    public String themeUrl() {
        return ThemeResource.PATH + "?" + Assets.VERSION + "=" + themeFingerprint;
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
        double luminance = luminance(rgb(primaryColour()));
        double contrastWithWhite = 1.05 / (luminance + 0.05);
        double contrastWithBlack = (luminance + 0.05) / 0.05;
        return contrastWithWhite >= contrastWithBlack ? "#ffffff" : "#000000";
    }

    /** The brand colour darkened, if need be, until text in it reads at 4.5:1 or more on white (WCAG AA). */
    public String textColour() {
        int[] rgb = rgb(primaryColour());
        while (1.05 / (luminance(rgb) + 0.05) < 4.5) {
            for (int i = 0; i < 3; i++) {
                rgb[i] = (int) Math.floor(rgb[i] * 0.9);
            }
        }
        return String.format("#%02x%02x%02x", rgb[0], rgb[1], rgb[2]);
    }

    private static int[] rgb(String hex) {
        return new int[] {
            Integer.parseInt(hex.substring(1, 3), 16),
            Integer.parseInt(hex.substring(3, 5), 16),
            Integer.parseInt(hex.substring(5, 7), 16)
        };
    }

    private static double luminance(int[] rgb) {
        return 0.2126 * channel(rgb[0]) + 0.7152 * channel(rgb[1]) + 0.0722 * channel(rgb[2]);
    }

    private static double channel(int value) {
        double c = value / 255.0;
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

    /** The hours in the reader's language where the copy gives them ({@code portal.copy.fr.support-hours}). */
    public Optional<String> supportHours() {
        return copy.configured("support-hours").or(() -> config.support().hours());
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
