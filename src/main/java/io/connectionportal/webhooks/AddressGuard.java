package io.connectionportal.webhooks;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Keeps webhook deliveries off the portal's own network (SSRF): the endpoint's host is resolved and every address
 * it resolves to must be public, unless {@code portal.webhooks.allow-private-addresses} is set.
 */
final class AddressGuard {

    private AddressGuard() {}

    /** Why {@code url} may not be called, or empty when it may. */
    static Optional<String> refusal(URI url, boolean allowPrivate) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase();
        if (!scheme.equals("https") && !scheme.equals("http")) {
            return Optional.of("only http and https URLs are called");
        }
        if (url.getHost() == null || url.getHost().isBlank()) {
            return Optional.of("the URL has no host");
        }
        if (allowPrivate) {
            return Optional.empty();
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(url.getHost());
        } catch (UnknownHostException e) {
            return Optional.of("the host does not resolve");
        }
        for (InetAddress address : addresses) {
            if (!isPublic(address)) {
                return Optional.of("the host resolves to a private address (" + address.getHostAddress() + ")");
            }
        }
        return Optional.empty();
    }

    /** False for any-local, loopback, link-local, private (RFC 1918, ULA), carrier-grade NAT and multicast. */
    static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress()
                || address.isLoopbackAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return false;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            boolean thisNetwork = first == 0;
            boolean carrierGradeNat = first == 100 && second >= 64 && second <= 127;
            boolean broadcast = first == 255;
            return !(thisNetwork || carrierGradeNat || broadcast);
        }
        if (address instanceof Inet6Address) {
            // fc00::/7, unique local addresses: Java's isSiteLocalAddress only knows the deprecated fec0::/10.
            boolean uniqueLocal = (bytes[0] & 0xfe) == 0xfc;
            return !uniqueLocal;
        }
        return true;
    }
}
