package com.personacomposer.kit.address;

/** Which addresses a host may resolve to and still be connected to. The cloud metadata service: never. */
public enum Reach {
    /** The host is not allowed at all. */
    NONE,
    /** Public internet addresses only. */
    PUBLIC,
    /** Public and loopback addresses (a local run's webhook receivers); never private or link-local ones. */
    PUBLIC_OR_LOOPBACK,
    /** Any address but the metadata service: a host an operator named explicitly (image-service's own). */
    ANY_BUT_METADATA
}
