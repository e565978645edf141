package com.personacomposer.storage.store;

import com.personacomposer.kit.image.ImageFormat;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Where an image lives in the bucket: {@code persona-generations/{16 hex of sha256(personaKey)}/{requestId}.{ext}}.
 * A hash rather than the name keeps keys ASCII and short for any name; one request always maps to one key, so a
 * redelivery overwrites the same object. The image's thumbnails lie beside it, at {@link #thumbnailOf} and
 * {@link #doubleSizeThumbnailOf}.
 */
final class ObjectKeys {

    static final String PREFIX = "persona-generations/";
    static final String THUMBNAIL_SUFFIX = ".thumb.jpg";
    static final String DOUBLE_SIZE_THUMBNAIL_SUFFIX = ".thumb2x.jpg";

    private ObjectKeys() {
    }

    static String of(String personaKey, UUID requestId, ImageFormat format) {
        return PREFIX + personaFolder(personaKey) + "/" + requestId + "." + format.extension();
    }

    /** The thumbnail beside an image: the image's key with its extension replaced by {@value #THUMBNAIL_SUFFIX}. */
    static String thumbnailOf(String imageKey) {
        return withoutExtension(imageKey) + THUMBNAIL_SUFFIX;
    }

    /** The double-size thumbnail beside an image: its extension replaced by {@value #DOUBLE_SIZE_THUMBNAIL_SUFFIX}. */
    static String doubleSizeThumbnailOf(String imageKey) {
        return withoutExtension(imageKey) + DOUBLE_SIZE_THUMBNAIL_SUFFIX;
    }

    static boolean isThumbnail(String key) {
        return key.endsWith(THUMBNAIL_SUFFIX) || key.endsWith(DOUBLE_SIZE_THUMBNAIL_SUFFIX);
    }

    private static String withoutExtension(String key) {
        int dot = key.lastIndexOf('.');
        int slash = key.lastIndexOf('/');
        return dot > slash ? key.substring(0, dot) : key;
    }

    static String personaFolder(String personaKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(personaKey.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
