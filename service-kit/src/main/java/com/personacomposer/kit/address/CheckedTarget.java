package com.personacomposer.kit.address;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;

/**
 * A URL the {@link AddressGuard} let through, with the addresses it checked: connect to these and no others
 * ({@link PinnedDnsResolver}), so a DNS answer that changes after the check is never used.
 *
 * @param host the normalised host name, or the bare address of a literal
 */
public record CheckedTarget(URI uri, String scheme, String host, int port, List<InetAddress> addresses) {

    public CheckedTarget {
        addresses = List.copyOf(addresses);
    }
}
