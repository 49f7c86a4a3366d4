package io.connectionportal.onboarding;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * The passwords found most often in public breaches (ASVS 2.1.7), shipped with the portal: 49,233 of them,
 * lower-cased, from the zxcvbn-ts project (MIT; source and licence in {@code passwords/NOTICE.txt}). Loaded on
 * first use, about 3 MB in memory.
 */
final class CommonPasswords {

    static final String RESOURCE = "passwords/common-passwords.txt.gz";

    private CommonPasswords() {}

    /** {@code lowerCase} must already be lower-cased. */
    static boolean contains(String lowerCase) {
        return Holder.PASSWORDS.contains(lowerCase);
    }

    static int size() {
        return Holder.PASSWORDS.size();
    }

    private static final class Holder {
        static final Set<String> PASSWORDS = load();
    }

    private static Set<String> load() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        InputStream resource = loader == null ? null : loader.getResourceAsStream(RESOURCE);
        if (resource == null) {
            resource = CommonPasswords.class.getClassLoader().getResourceAsStream(RESOURCE);
        }
        if (resource == null) {
            throw new IllegalStateException("The list of common passwords is missing: " + RESOURCE);
        }
        Set<String> passwords = new HashSet<>(65_536);
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(new GZIPInputStream(resource), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (!line.isEmpty()) {
                    passwords.add(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The list of common passwords cannot be read: " + RESOURCE, e);
        }
        return Set.copyOf(passwords);
    }
}
