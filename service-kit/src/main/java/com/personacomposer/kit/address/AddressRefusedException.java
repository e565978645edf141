package com.personacomposer.kit.address;

/**
 * The guard will not connect to this URL, and asking again would get the same answer (the scheme, credentials in the
 * URL, a host that is not allowed, or an address it may not reach). The message is written for a person and names
 * no more than the URL did.
 */
public class AddressRefusedException extends RuntimeException {

    public AddressRefusedException(String reason) {
        super(reason);
    }
}
