package com.personacomposer.kit.address;

/** What its user lets an {@link AddressGuard} connect to: the {@link Reach} of each host. */
@FunctionalInterface
public interface HostRule {

    /** How far from the public internet {@code host} (normalised, see {@link Hosts}) may be on this scheme and port. */
    Reach reach(String scheme, String host, int port);

    /** Why a host of {@link Reach#NONE} is refused, for a person. */
    default String refusal(String scheme, String host, int port) {
        return host + " is not an allowed host";
    }

    /** Every host, each with the same reach. */
    static HostRule anyHost(Reach reach) {
        return (scheme, host, port) -> reach;
    }
}
