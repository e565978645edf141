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
 * redelivery overwrites the same object. The image's thumbnail lies beside it, at {@link #thumbnailOf}.
 */
final class ObjectKeys {

    static final String PREFIX = "persona-generations/";
    static final String THUMBNAIL_SUFFIX = ".thumb.jpg";

    private ObjectKeys() {
    }

    static String of(String personaKey, UUID requestId, ImageFormat format) {
        return PREFIX + personaFolder(personaKey) + "/" + requestId + "." + format.extension();
    }

    /** The thumbnail beside an image: the image's key with its extension replaced by {@value #THUMBNAIL_SUFFIX}. */
    static String thumbnailOf(String imageKey) {
        int dot = imageKey.lastIndexOf('.');
        int slash = imageKey.lastIndexOf('/');
        return (dot > slash ? imageKey.substring(0, dot) : imageKey) + THUMBNAIL_SUFFIX;
    }

    static boolean isThumbnail(String key) {
        return key.endsWith(THUMBNAIL_SUFFIX);
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
