package com.personacomposer.image.store;

import java.util.Optional;
import java.util.regex.Pattern;
import lombok.RequiredArgsConstructor;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Serves generated images at their short-lived URLs (what storage-service downloads). */
@RestController
@RequiredArgsConstructor
class GeneratedImageController {

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final GeneratedImageStore store;

    @GetMapping("/generated/{token}")
    ResponseEntity<?> image(@PathVariable String token) {
        Optional<StoredImage> image = TOKEN.matcher(token).matches() ? store.get(token) : Optional.empty();
        if (image.isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND)
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                            "no such generated image, or it has expired"));
        }
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(image.get().contentType()))
                .cacheControl(CacheControl.noStore())
                .header("X-Content-Type-Options", "nosniff")
                .body(image.get().content());
    }
}
