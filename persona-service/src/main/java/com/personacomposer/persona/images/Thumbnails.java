package com.personacomposer.persona.images;

/**
 * Where storage-service puts an image's thumbnail: beside the original, its extension replaced by {@code .thumb.jpg}
 * (a JPEG of at most 256 px on its longer side).
 */
public final class Thumbnails {

    public static final String CONTENT_TYPE = "image/jpeg";
    private static final String SUFFIX = ".thumb.jpg";

    private Thumbnails() {
    }

    public static String keyOf(String s3Key) {
        int slash = s3Key.lastIndexOf('/');
        int dot = s3Key.lastIndexOf('.');
        return (dot > slash ? s3Key.substring(0, dot) : s3Key) + SUFFIX;
    }
}
