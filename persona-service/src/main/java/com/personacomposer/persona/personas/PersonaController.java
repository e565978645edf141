package com.personacomposer.persona.personas;

import com.personacomposer.persona.personas.PersonaViews.ImagePage;
import com.personacomposer.persona.personas.PersonaViews.ImageView;
import com.personacomposer.persona.personas.PersonaViews.PersonaPage;
import com.personacomposer.persona.personas.PersonaViews.VoteView;
import com.personacomposer.persona.images.SignedUrl;
import com.personacomposer.persona.web.CallerHeaders;
import com.personacomposer.persona.web.InvalidInputException;
import com.personacomposer.persona.web.UnauthorizedException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import lombok.RequiredArgsConstructor;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The persona read API (the gateway routes /api/personas reads here). */
@RestController
@RequestMapping("/api/personas")
@RequiredArgsConstructor
class PersonaController {

    private static final String PRINCIPAL = CallerHeaders.PRINCIPAL;
    private static final String VOTER = CallerHeaders.VOTER;

    private final PersonaQueries queries;
    private final Clock clock;

    @GetMapping
    PersonaPage list(@RequestParam(required = false) String q,
                     @RequestParam(defaultValue = "0") @Min(0) int page,
                     @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
                     @RequestParam(required = false) String createdBy,
                     @RequestHeader(name = PRINCIPAL, required = false) String principal) {
        if (createdBy == null) {
            return queries.list(q, null, page, size);
        }
        if (!"me".equals(createdBy)) {
            throw new InvalidInputException("createdBy", "must be me");
        }
        String creator = CallerHeaders.principal(principal);
        if (creator == null) {
            throw new UnauthorizedException("createdBy=me needs a signed-in caller");
        }
        return queries.list(q, creator, page, size);
    }

    /** Spring hands over the slug percent-decoded (zoë, 李小龙). Each image shows the caller's own vote. */
    @GetMapping("/{slug}")
    PersonaView get(@PathVariable String slug,
                    @RequestParam(defaultValue = "" + PersonaQueries.DEFAULT_IMAGE_LIMIT) @Min(1) @Max(100) int limit,
                    @RequestHeader(name = PRINCIPAL, required = false) String principal,
                    @RequestHeader(name = VOTER, required = false) String voter) {
        return queries.get(slug, limit, caller(principal, voter));
    }

    @GetMapping("/{slug}/images")
    ImagePage images(@PathVariable String slug, @RequestParam(required = false) String after,
                     @RequestParam(defaultValue = "" + PersonaQueries.DEFAULT_IMAGE_LIMIT) @Min(1) @Max(100) int limit,
                     @RequestHeader(name = PRINCIPAL, required = false) String principal,
                     @RequestHeader(name = VOTER, required = false) String voter) {
        return queries.images(slug, after, limit, caller(principal, voter));
    }

    /** One image, as in a page of images. */
    @GetMapping("/{slug}/images/{imageId}")
    ImageView image(@PathVariable String slug, @PathVariable String imageId,
                    @RequestHeader(name = PRINCIPAL, required = false) String principal,
                    @RequestHeader(name = VOTER, required = false) String voter) {
        return queries.image(slug, imageId, caller(principal, voter));
    }

    /**
     * A stable address of the image's original: 302 to a fresh presigned URL (a shared link's preview image works
     * long after the presigned URLs of the page that shared it expired). The redirect may be cached for half of the
     * URL's life, so whoever follows a cached one still has the other half to fetch it.
     */
    @GetMapping("/{slug}/images/{imageId}/original")
    ResponseEntity<Void> original(@PathVariable String slug, @PathVariable String imageId,
                                  @RequestParam(defaultValue = "false") boolean download) {
        SignedUrl signed = queries.originalUrl(slug, imageId, download);
        Duration left = Duration.between(clock.instant(), signed.expiresAt());
        CacheControl cache = left.toSeconds() >= 2
                ? CacheControl.maxAge(left.dividedBy(2)).cachePublic() : CacheControl.noStore();
        return ResponseEntity.status(HttpStatus.FOUND).location(URI.create(signed.url())).cacheControl(cache).build();
    }

    /**
     * The voter is the caller's principal, else (in fully open mode) the client the gateway names by a hash of its
     * address; a vote by nobody is refused.
     */
    @PostMapping("/{slug}/images/{imageId}/votes")
    VoteView vote(@PathVariable String slug, @PathVariable String imageId, @Valid @RequestBody VoteBody body,
                  @RequestHeader(name = PRINCIPAL, required = false) String principal,
                  @RequestHeader(name = VOTER, required = false) String voter) {
        return queries.vote(slug, imageId, body.direction(), voter(principal, voter));
    }

    @DeleteMapping("/{slug}/images/{imageId}/votes")
    VoteView withdrawVote(@PathVariable String slug, @PathVariable String imageId,
                          @RequestHeader(name = PRINCIPAL, required = false) String principal,
                          @RequestHeader(name = VOTER, required = false) String voter) {
        return queries.withdrawVote(slug, imageId, voter(principal, voter));
    }

    /** By the image's creator or an admin; 204. */
    @DeleteMapping("/{slug}/images/{imageId}")
    ResponseEntity<Void> deleteImage(@PathVariable String slug, @PathVariable String imageId,
                                     @RequestHeader(name = PRINCIPAL, required = false) String principal,
                                     @RequestHeader(name = CallerHeaders.ADMIN, required = false) String admin) {
        queries.deleteImage(slug, imageId, CallerHeaders.principal(principal), "true".equals(admin));
        return ResponseEntity.noContent().build();
    }

    private static String voter(String principal, String voter) {
        String caller = caller(principal, voter);
        if (caller == null) {
            throw new UnauthorizedException("voting needs a signed-in caller");
        }
        return caller;
    }

    /**
     * The caller's principal, else (in fully open mode) the client's anonymous voter id, else null. The two never
     * share a value (user:/key: against anon:), so a voter is never taken for a principal, nor the other way round.
     */
    private static String caller(String principal, String voter) {
        String known = CallerHeaders.principal(principal);
        return known != null ? known : CallerHeaders.voter(voter);
    }

    record VoteBody(@NotNull String direction) {
    }
}
