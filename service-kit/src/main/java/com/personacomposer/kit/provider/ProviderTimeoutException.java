package com.personacomposer.kit.provider;

/** The provider did not answer a call that starts no paid work within its timeout: retried like any unavailability. */
public class ProviderTimeoutException extends ProviderUnavailableException {

    public ProviderTimeoutException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
