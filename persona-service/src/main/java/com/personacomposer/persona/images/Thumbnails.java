package com.personacomposer.persona.images;

/**
 * Where storage-service puts an image's thumbnails: beside the original, its extension replaced by {@code .thumb.jpg}
 * (a JPEG of at most 256 px on its longer side) and by {@code .thumb2x.jpg} (the same at twice the size, 512 px,
 * for screens of two or more device pixels per CSS pixel).
 */
public final class Thumbnails {

    public static final String CONTENT_TYPE = "image/jpeg";
    private static final String SUFFIX = ".thumb.jpg";
    private static final String DOUBLE_SIZE_SUFFIX = ".thumb2x.jpg";

    private Thumbnails() {
    }

    public static String keyOf(String s3Key) {
        return base(s3Key) + SUFFIX;
    }

    public static String doubleSizeKeyOf(String s3Key) {
        return base(s3Key) + DOUBLE_SIZE_SUFFIX;
    }

    private static String base(String s3Key) {
        int slash = s3Key.lastIndexOf('/');
        int dot = s3Key.lastIndexOf('.');
        return dot > slash ? s3Key.substring(0, dot) : s3Key;
    }
}
