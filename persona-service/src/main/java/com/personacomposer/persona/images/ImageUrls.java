package com.personacomposer.persona.images;

/** Makes the short-lived URLs clients fetch images from. */
public interface ImageUrls {

    /**
     * A URL of the object; with an {@code attachmentName} (null: none) the object is served as a download of that
     * name (Content-Disposition: attachment) instead of for display.
     */
    SignedUrl sign(String s3Key, String attachmentName);

    default SignedUrl sign(String s3Key) {
        return sign(s3Key, null);
    }
}
