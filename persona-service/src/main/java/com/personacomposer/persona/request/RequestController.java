package com.personacomposer.persona.request;

import com.personacomposer.persona.web.CallerHeaders;
import com.personacomposer.persona.web.InvalidInputException;
import com.personacomposer.persona.web.NotFoundException;
import jakarta.validation.Valid;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriUtils;

/** Request status for clients, and the gateway's intake call recording new requests. */
@RestController
class RequestController {

    private final RequestService requests;
    private final RequestIntake intake;

    RequestController(RequestService requests, RequestIntake intake) {
        this.requests = requests;
        this.intake = intake;
    }

    @GetMapping("/api/requests/{requestId}")
    RequestView get(@PathVariable String requestId) {
        return parse(requestId)
                .flatMap(requests::find)
                .filter(PersonaRequest::recorded)
                .map(RequestView::of)
                .orElseThrow(() -> new NotFoundException("no request has the id '" + requestId + "'"));
    }

    /**
     * Records a request as PENDING before the gateway publishes it: 201 when recorded now, 200 when it was already.
     * With an idempotency key already standing for another request, that request is answered (200) and the
     * gateway publishes nothing. With {@code unlessPersonaExists} and a persona of that slug, the persona is answered
     * (200, Content-Location naming it) and nothing is recorded.
     */
    @PutMapping("/internal/requests/{requestId}")
    ResponseEntity<?> intake(@PathVariable String requestId, @Valid @RequestBody IntakeBody body,
                             @RequestHeader(name = CallerHeaders.PRINCIPAL, required = false) String principal,
                             @RequestHeader(name = CallerHeaders.PRINCIPAL_NAME, required = false) String name) {
        UUID id = parse(requestId).orElseThrow(() -> new InvalidInputException("requestId", "must be a UUID"));
        IntakeResult result = intake.take(id, body, CallerHeaders.principal(principal), CallerHeaders.name(name));
        if (result instanceof IntakeResult.PersonaExists exists) {
            String slug = UriUtils.encodePathSegment(exists.persona().slug(), StandardCharsets.UTF_8);
            return ResponseEntity.ok()
                    .header(HttpHeaders.CONTENT_LOCATION, "/api/personas/" + slug)
                    .body(exists.persona());
        }
        IntakeResult.Recorded recorded = (IntakeResult.Recorded) result;
        RequestView view = RequestView.of(recorded.request());
        if (recorded.created()) {
            return ResponseEntity.created(URI.create("/api/requests/" + view.requestId())).body(view);
        }
        return ResponseEntity.ok(view);
    }

    private static Optional<UUID> parse(String requestId) {
        try {
            UUID id = UUID.fromString(requestId);
            // UUID.fromString accepts short forms such as 1-2-3-4-5; only the canonical form names a request.
            return id.toString().equals(requestId.toLowerCase(java.util.Locale.ROOT)) ? Optional.of(id) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
