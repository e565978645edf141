package com.personacomposer.image.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.RemovalCause;
import com.personacomposer.image.ImageProperties;
import com.personacomposer.kit.cache.ClockedCaches;
import com.personacomposer.kit.image.ImageFormat;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Generated images held in memory for a short time under random, unguessable tokens, like a provider's temporary
 * URL: storage-service downloads each once, soon after it is announced. A Caffeine cache bounded in bytes and in
 * count (each image weighs at least its share of the byte budget); when it is full, Caffeine's eviction policy
 * chooses the image to drop, which is counted in {@value #DROPPED} and logged.
 */
@Component
public class GeneratedImageStore {

    static final String DROPPED = "persona.image.store.dropped";

    private static final Logger log = LoggerFactory.getLogger(GeneratedImageStore.class);
    private static final SecureRandom TOKENS = new SecureRandom();

    private final Clock clock;
    private final Duration ttl;
    private final long maxBytes;
    private final Cache<String, StoredImage> images;
    private final Counter dropped;

    @Autowired
    public GeneratedImageStore(ImageProperties properties, MeterRegistry meters) {
        this(properties.generated(), Clock.systemUTC(), meters);
    }

    GeneratedImageStore(ImageProperties.Generated settings, Clock clock, MeterRegistry meters) {
        this.clock = clock;
        this.ttl = settings.ttl();
        this.maxBytes = settings.maxBytes().toBytes();
        long share = Math.max(1, maxBytes / settings.maxEntries());
        this.dropped = Counter.builder(DROPPED)
                .description("Generated images dropped before they expired because the store was full")
                .register(meters);
        this.images = ClockedCaches.expiringAfterWrite(ttl, clock)
                .maximumWeight(maxBytes)
                .weigher((String token, StoredImage image) -> (int) Math.min(Integer.MAX_VALUE,
                        Math.max(image.content().length, share)))
                .removalListener((String token, StoredImage image, RemovalCause cause) -> {
                    if (cause == RemovalCause.SIZE && image != null) {
                        dropped.increment();
                        log.warn("generated-image store full ({} images, {} bytes at most): dropped an image {} "
                                + "before it expired", settings.maxEntries(), maxBytes,
                                Duration.between(clock.instant(), image.expiresAt()));
                    }
                })
                .build();
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
        images.put(token, new StoredImage(content.clone(), format.contentType(), now.plus(ttl)));
        return token;
    }

    /** The image, unless the token is unknown or expired. */
    public Optional<StoredImage> get(String token) {
        return Optional.ofNullable(images.getIfPresent(token));
    }

    long size() {
        images.cleanUp();
        return images.estimatedSize();
    }
}
