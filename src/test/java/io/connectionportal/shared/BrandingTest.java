package io.connectionportal.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BrandingTest {

    private static Branding brandingWithColour(String colour) {
        PortalConfig config = (PortalConfig) Proxy.newProxyInstance(
                PortalConfig.class.getClassLoader(), new Class<?>[] {PortalConfig.class}, (proxy, method, args) -> {
                    if (method.getName().equals("primaryColour")) {
                        return colour;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        return new Branding(config, new CopyText(config, new CurrentLanguage()));
    }

    @ParameterizedTest
    @CsvSource({
        "#1d4ed8, #1d4ed8, #ffffff",
        "#FFDD00, #ffdd00, #000000",
        "red; } body { display:none, #1d4ed8, #ffffff",
        "#abc, #1d4ed8, #ffffff"
    })
    void onlyAStrictHexColourReachesTheStyleSheet(String configured, String expected, String onBrand) {
        Branding branding = brandingWithColour(configured);
        assertEquals(expected, branding.primaryColour());
        assertEquals(onBrand, branding.onPrimaryColour());
    }

    @ParameterizedTest
    @CsvSource({"#ffdd00", "#67e8f9", "#f472b6", "#ffffff", "#1d4ed8", "#000000"})
    void textInTheBrandColourAlwaysReadsOnWhite(String colour) {
        String text = brandingWithColour(colour).textColour();
        assertTrue(contrastWithWhite(text) >= 4.5, colour + " -> " + text + " reads at " + contrastWithWhite(text));
    }

    private static double contrastWithWhite(String hex) {
        double[] c = new double[3];
        for (int i = 0; i < 3; i++) {
            double v = Integer.parseInt(hex.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
            c[i] = v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        }
        double luminance = 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
        return 1.05 / (luminance + 0.05);
    }
}
