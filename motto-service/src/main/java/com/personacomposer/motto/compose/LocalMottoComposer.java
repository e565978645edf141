package com.personacomposer.motto.compose;

import com.personacomposer.kit.provider.SimulatedLatency;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The offline composer: fills one of its tone's templates with salient phrases of the description (of the name
 * when the description has none). The choice is seeded by the persona and the description, so the same input always
 * gives the same motto and different personas get different ones.
 */
public final class LocalMottoComposer implements MottoComposer {

    public static final String PROVIDER = "local";

    private final SimulatedLatency latency;

    public LocalMottoComposer() {
        this(Duration.ZERO);
    }

    /** @param simulatedLatency a pause before each motto, for benchmarks that mimic a chat model (0: none) */
    public LocalMottoComposer(Duration simulatedLatency) {
        this.latency = new SimulatedLatency(simulatedLatency);
    }

    @Override
    public String provider() {
        return PROVIDER;
    }

    @Override
    public String compose(MottoRequest request) {
        latency.await();
        List<String> words = words(request);
        SplittableRandom random = new SplittableRandom(seed(request));
        List<String> templates = ToneTemplates.of(request.tone()).stream()
                .filter(template -> words.size() > 1 || !ToneTemplates.needsTwoWords(template))
                .toList();
        String template = templates.get(random.nextInt(templates.size()));
        int first = random.nextInt(words.size());
        // Any other phrase for the second slot, never the first one again.
        int second = words.size() > 1 ? (first + 1 + random.nextInt(words.size() - 1)) % words.size() : first;
        return MottoText.fit(ToneTemplates.fill(template, words.get(first), words.get(second)));
    }

    private static List<String> words(MottoRequest request) {
        List<String> words = Keywords.of(request.description());
        if (words.isEmpty()) {
            words = Keywords.of(request.personaName());
        }
        if (words.isEmpty()) {
            // A name made only of short or common words ("Al", "The Who") is still the best word there is.
            String name = request.personaName().strip().replaceAll("\\s+", " ");
            words = List.of(name.isEmpty() ? request.personaKey() : name);
        }
        return words;
    }

    private static long seed(MottoRequest request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(
                    (request.personaKey() + '\n' + request.description()).getBytes(StandardCharsets.UTF_8));
            long seed = 0;
            for (int i = 0; i < Long.BYTES; i++) {
                seed = seed << 8 | (digest[i] & 0xff);
            }
            return seed;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
