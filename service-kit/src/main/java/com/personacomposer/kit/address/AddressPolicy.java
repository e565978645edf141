package com.personacomposer.kit.address;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.Set;

/**
 * Which addresses are not on the public internet, and why: loopback, private, link-local, unique local, unspecified,
 * multicast, reserved, and IPv6 addresses embedding one of those. What a caller may still reach is its
 * {@link Reach}; the cloud metadata service is never reached ({@link AddressGuard}).
 */
public final class AddressPolicy {

    /** Instance metadata (AWS, GCP, Azure share 169.254.169.254; AWS's IPv6 endpoint): credentials live there. */
    private static final Set<InetAddress> METADATA = Set.of(address("169.254.169.254"), address("fd00:ec2::254"));

    private AddressPolicy() {
    }

    /** What kind of non-public address {@code address} is ("a private address"); empty if it is public. */
    public static Optional<String> nonPublicKind(InetAddress address) {
        if (address.isAnyLocalAddress()) {
            return Optional.of("an unspecified (any-local) address");
        }
        if (address.isLoopbackAddress()) {
            return Optional.of("a loopback address");
        }
        if (address.isLinkLocalAddress()) {
            return Optional.of("a link-local address");
        }
        if (address.isSiteLocalAddress()) {
            return Optional.of("a private address");
        }
        if (address.isMulticastAddress()) {
            return Optional.of("a multicast address");
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            return ipv4Kind(bytes);
        }
        if (address instanceof Inet6Address) {
            if ((bytes[0] & 0xfe) == 0xfc) {
                return Optional.of("a private (unique local) address");
            }
            Optional<InetAddress> embedded = embeddedIpv4(bytes);
            if (embedded.isPresent()) {
                return nonPublicKind(embedded.get())
                        .map(kind -> "an address embedding " + embedded.get().getHostAddress() + ", " + kind);
            }
        }
        return Optional.empty();
    }

    /** True for the cloud metadata service, which is refused whatever else is allowed. */
    public static boolean isMetadataService(InetAddress address) {
        return METADATA.contains(address);
    }

    private static Optional<String> ipv4Kind(byte[] b) {
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        if (first == 0) {
            return Optional.of("an unspecified (\"this network\") address");
        }
        if (first == 100 && (second & 0xc0) == 64) {
            return Optional.of("a private (carrier-grade NAT) address");
        }
        if (first == 192 && second == 0 && (b[2] & 0xff) == 0) {
            return Optional.of("a reserved (IETF protocol) address");
        }
        if (first == 198 && (second & 0xfe) == 18) {
            return Optional.of("a reserved (benchmarking) address");
        }
        if (first >= 240) {
            return Optional.of("a reserved or broadcast address");
        }
        return Optional.empty();
    }

    /** The IPv4 address inside an IPv4-compatible (::a.b.c.d), NAT64 (64:ff9b::/96) or 6to4 (2002::/16) address. */
    private static Optional<InetAddress> embeddedIpv4(byte[] b) {
        boolean compatible = allZero(b, 0, 12);
        boolean nat64 = b[0] == 0x00 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b
                && allZero(b, 4, 12);
        if (compatible || nat64) {
            return Optional.of(ipv4(b[12], b[13], b[14], b[15]));
        }
        if (b[0] == 0x20 && b[1] == 0x02) {
            return Optional.of(ipv4(b[2], b[3], b[4], b[5]));
        }
        return Optional.empty();
    }

    private static boolean allZero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static InetAddress ipv4(byte a, byte b, byte c, byte d) {
        try {
            return InetAddress.getByAddress(new byte[] {a, b, c, d});
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are always an IPv4 address", e);
        }
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(literal + " is a literal address", e);
        }
    }
}
