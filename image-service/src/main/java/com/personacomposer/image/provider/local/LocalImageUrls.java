package com.personacomposer.image.provider.local;

import com.personacomposer.events.MottoTone;
import com.personacomposer.image.ImageProperties;
import com.personacomposer.image.provider.ImagePrompt;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/** URLs of locally rendered images: {@code <IMAGE_SERVICE_URL>/generated/local/<base64url of name, description, tone>}. */
@Component
@RequiredArgsConstructor
class LocalImageUrls {

    /** Far above what a valid prompt encodes to (80 + 800 code points); longer specs are refused unread. */
    static final int MAX_SPEC = 6_000;

    private final ImageProperties properties;

    URI urlOf(ImagePrompt prompt) {
        String text = prompt.name() + '\n' + prompt.description() + '\n' + prompt.tone().id();
        String spec = Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
        return URI.create(properties.generatedUrl("local/" + spec));
    }

    /** The prompt a spec stands for, or empty when it is not one of ours. */
    static Optional<ImagePrompt> promptOf(String spec) {
        if (spec.length() > MAX_SPEC) {
            return Optional.empty();
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(spec), StandardCharsets.UTF_8).split("\n", -1);
            if (parts.length != 3 || parts[0].isBlank()) {
                return Optional.empty();
            }
            return MottoTone.fromId(parts[2]).map(tone -> new ImagePrompt(parts[0], parts[1], tone));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }
}
