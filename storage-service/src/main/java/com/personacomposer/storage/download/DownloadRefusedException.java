package com.personacomposer.storage.download;

/**
 * The image will not be downloaded, and trying again would not change that: the URL is not allowed, the host
 * answered with a final error, or the body is not an acceptable image. The message is written for a person.
 */
public class DownloadRefusedException extends RuntimeException {

    public DownloadRefusedException(String reason) {
        super(reason);
    }
}
