package com.personacomposer.image.store;

import com.personacomposer.image.ImageProperties;
import com.personacomposer.kit.image.ImageFormat;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Generated images held in memory for a short time under random, unguessable tokens, like a provider's temporary
 * URL: storage-service downloads each once, soon after it is announced. Bounded in count and bytes; the oldest
 * images go first.
 */
@Component
public class GeneratedImageStore {

    private static final Logger log = LoggerFactory.getLogger(GeneratedImageStore.class);
    private static final SecureRandom TOKENS = new SecureRandom();

    private final Clock clock;
    private final Duration ttl;
    private final int maxEntries;
    private final long maxBytes;
    private final Map<String, StoredImage> images = new LinkedHashMap<>();
    private long bytes;

    @Autowired
    public GeneratedImageStore(ImageProperties properties) {
        this(properties.generated(), Clock.systemUTC());
    }

    GeneratedImageStore(ImageProperties.Generated settings, Clock clock) {
        this.clock = clock;
        this.ttl = settings.ttl();
        this.maxEntries = settings.maxEntries();
        this.maxBytes = settings.maxBytes().toBytes();
    }

    /**
     * Keeps the image and returns its token (256 random bits, URL-safe).
     *
     * @throws UnusableImageException when the bytes are no PNG, JPEG or WebP image, or exceed the store's size
     */
    public String put(byte[] content) {
        ImageFormat format = ImageFormat.detect(content).orElseThrow(
                () -> new UnusableImageException("not a PNG, JPEG or WebP image"));
        if (content.length > maxBytes) {
            throw new UnusableImageException("an image of " + content.length + " bytes exceeds the store's "
                    + maxBytes);
        }
        byte[] raw = new byte[32];
        TOKENS.nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        Instant now = clock.instant();
        synchronized (this) {
            purge(now);
            images.put(token, new StoredImage(content.clone(), format.contentType(), now.plus(ttl)));
            bytes += content.length;
            evictOverflow();
        }
        return token;
    }

    /** The image, unless the token is unknown or expired. */
    public synchronized Optional<StoredImage> get(String token) {
        StoredImage image = images.get(token);
        if (image == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(image.expiresAt())) {
            remove(token);
            return Optional.empty();
        }
        return Optional.of(image);
    }

    synchronized int size() {
        return images.size();
    }

    /** Entries are in insertion order and share one TTL, so the expired ones are at the front. */
    private void purge(Instant now) {
        Iterator<Map.Entry<String, StoredImage>> it = images.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<String, StoredImage> entry = it.next();
            if (now.isBefore(entry.getValue().expiresAt())) {
                return;
            }
            bytes -= entry.getValue().content().length;
            it.remove();
        }
    }

    private void evictOverflow() {
        Iterator<Map.Entry<String, StoredImage>> it = images.entrySet().iterator();
        while ((images.size() > maxEntries || bytes > maxBytes) && it.hasNext()) {
            StoredImage oldest = it.next().getValue();
            bytes -= oldest.content().length;
            it.remove();
            log.warn("generated-image store full ({} images, {} bytes at most): dropped an image {} before it expired",
                    maxEntries, maxBytes, Duration.between(clock.instant(), oldest.expiresAt()));
        }
    }

    private void remove(String token) {
        StoredImage removed = images.remove(token);
        if (removed != null) {
            bytes -= removed.content().length;
        }
    }
}
