package com.personacomposer.storage.download;

/** The download failed for a reason that may pass (network, timeout, a 5xx or 429 from the image host). */
class DownloadFailedException extends RuntimeException {

    public DownloadFailedException(String message) {
        super(message);
    }

    public DownloadFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
