package io.connectionportal.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The SSRF guard, with literal addresses (no DNS): internal networks are refused unless allowed. */
class AddressGuardTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "10.1.2.3",
                "172.16.0.1",
                "192.168.1.1",
                "127.0.0.1",
                "127.8.9.10",
                "169.254.169.254",
                "100.64.0.1",
                "0.0.0.0",
                "224.0.0.1",
                "255.255.255.255",
                "::1",
                "::",
                "fe80::1",
                "fc00::1",
                "fd12:3456::1",
                "ff02::1",
                "::ffff:10.0.0.1"
            })
    void privateLoopbackLinkLocalAndMulticastAddressesAreNotPublic(String literal) throws UnknownHostException {
        assertFalse(AddressGuard.isPublic(InetAddress.getByName(literal)), literal);
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "8.8.8.8", "100.128.0.1", "2606:4700:4700::1111"})
    void publicAddressesArePublic(String literal) throws UnknownHostException {
        assertTrue(AddressGuard.isPublic(InetAddress.getByName(literal)), literal);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://10.0.0.5/hook",
                "https://127.0.0.1:8443/hook",
                "http://169.254.169.254/latest/meta-data",
                "http://[::1]/hook",
                "http://[fc00::5]/hook",
                "http://localhost/hook"
            })
    void aUrlOnAnInternalAddressIsRefusedUnlessAllowed(String url) {
        assertTrue(AddressGuard.refusal(URI.create(url), false).isPresent(), url);
        assertEquals(Optional.empty(), AddressGuard.refusal(URI.create(url), true), url);
    }

    @Test
    void onlyHttpAndHttpsAreCalled() {
        assertTrue(AddressGuard.refusal(URI.create("ftp://8.8.8.8/hook"), true).isPresent());
        assertTrue(AddressGuard.refusal(URI.create("file:///etc/passwd"), true).isPresent());
        assertEquals(Optional.empty(), AddressGuard.refusal(URI.create("https://8.8.8.8/hook"), false));
    }
}
