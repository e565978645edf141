package com.personacomposer.image.provider.local;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Renders a local image on download (see {@link LocalImageProvider}). */
@RestController
class LocalImageController {

    private final LocalRenderer renderer = new LocalRenderer();

    @GetMapping("/generated/local/{spec}")
    ResponseEntity<?> image(@PathVariable String spec) {
        return LocalImageUrls.promptOf(spec)
                .<ResponseEntity<?>>map(prompt -> ResponseEntity.ok()
                        .contentType(MediaType.IMAGE_PNG)
                        .cacheControl(CacheControl.noStore())
                        .header("X-Content-Type-Options", "nosniff")
                        .body(renderer.render(prompt)))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND)
                        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                        .body(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "no such generated image")));
    }
}
