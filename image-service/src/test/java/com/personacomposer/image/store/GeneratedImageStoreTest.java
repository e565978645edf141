package com.personacomposer.image.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.personacomposer.image.ImageProperties;
import com.personacomposer.kit.testing.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class GeneratedImageStoreTest {

    private final MutableClock clock = new MutableClock();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @Test
    void servesAnImageUntilItExpires() {
        GeneratedImageStore store = store(10, DataSize.ofMegabytes(1));
        byte[] png = png(100);

        String token = store.put(png);

        assertThat(store.get(token)).hasValueSatisfying(image -> {
            assertThat(image.content()).isEqualTo(png);
            assertThat(image.contentType()).isEqualTo("image/png");
        });
        clock.advance(Duration.ofMinutes(10).minusSeconds(1));
        assertThat(store.get(token)).isPresent();
        clock.advance(Duration.ofSeconds(1));
        assertThat(store.get(token)).isEmpty();
    }

    @Test
    void tokensAreLongRandomAndUrlSafe() {
        GeneratedImageStore store = store(1000, DataSize.ofMegabytes(1));
        Set<String> tokens = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            tokens.add(store.put(png(10)));
        }
        assertThat(tokens).hasSize(200).allMatch(token -> token.matches("[A-Za-z0-9_-]{43}"));
    }

    @Test
    void dropsAnImageBeyondTheEntryLimitAndCountsIt() {
        dropsOneOfThree(store(2, DataSize.ofMegabytes(1)), 10);
    }

    @Test
    void dropsAnImageBeyondTheByteLimitAndCountsIt() {
        dropsOneOfThree(store(100, DataSize.ofBytes(2500)), 1000);
    }

    /** Three images of {@code size} bytes into a store with room for two: one is dropped, and counted. */
    private void dropsOneOfThree(GeneratedImageStore store, int size) {
        List<String> tokens = List.of(store.put(png(size)), store.put(png(size)), store.put(png(size)));

        assertThat(tokens).filteredOn(token -> store.get(token).isPresent()).hasSize(2);
        assertThat(meters.counter(GeneratedImageStore.DROPPED).count()).isEqualTo(1);
    }

    @Test
    void expiredImagesFreeTheirRoom() {
        GeneratedImageStore store = store(2, DataSize.ofMegabytes(1));
        store.put(png(10));
        store.put(png(10));
        clock.advance(Duration.ofMinutes(11));

        store.put(png(10));

        assertThat(store.size()).isEqualTo(1);
    }

    @Test
    void recognisesJpegAndWebpAndRefusesAnythingElse() {
        GeneratedImageStore store = store(10, DataSize.ofMegabytes(1));
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0};
        byte[] webp = {'R', 'I', 'F', 'F', 0, 0, 0, 0, 'W', 'E', 'B', 'P', 0};

        assertThat(store.get(store.put(jpeg))).hasValueSatisfying(i -> assertThat(i.contentType()).isEqualTo("image/jpeg"));
        assertThat(store.get(store.put(webp))).hasValueSatisfying(i -> assertThat(i.contentType()).isEqualTo("image/webp"));
        assertThatThrownBy(() -> store.put("<html>".getBytes())).isInstanceOf(UnusableImageException.class);
    }

    @Test
    void unknownTokensAreEmpty() {
        assertThat(store(10, DataSize.ofMegabytes(1)).get("nope")).isEmpty();
    }

    private GeneratedImageStore store(int maxEntries, DataSize maxBytes) {
        return new GeneratedImageStore(new ImageProperties.Generated(Duration.ofMinutes(10), maxEntries, maxBytes), clock,
                meters);
    }

    static byte[] png(int size) {
        byte[] bytes = new byte[size];
        byte[] signature = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
        System.arraycopy(signature, 0, bytes, 0, signature.length);
        return bytes;
    }
}
