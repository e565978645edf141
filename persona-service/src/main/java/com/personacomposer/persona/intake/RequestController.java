package com.personacomposer.persona.intake;

import com.personacomposer.persona.web.CallerHeaders;
import com.personacomposer.persona.personas.PersonaView;
import com.personacomposer.persona.assembly.RequestService;
import com.personacomposer.persona.requests.PersonaRequest;
import com.personacomposer.persona.web.InvalidInputException;
import com.personacomposer.persona.web.NotFoundException;
import jakarta.validation.Valid;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriUtils;

/** Request status and cancel for clients, and the gateway's intake call recording new requests. */
@RestController
@RequiredArgsConstructor
class RequestController {

    private final RequestService requests;
    private final RequestIntake intake;
    private final RequestCancel cancels;

    /** The request's status; its webhook delivery state only to its principal. */
    @GetMapping("/api/requests/{requestId}")
    RequestView get(@PathVariable String requestId,
                    @RequestHeader(name = CallerHeaders.PRINCIPAL, required = false) String principal) {
        return RequestView.of(recorded(requestId), CallerHeaders.principal(principal));
    }

    /**
     * Cancels a PENDING request: 202 with its status (CANCELED), again 202 when it is canceled already, 409 once it
     * completed or failed; 401/403 as {@link RequestCancel} decides.
     */
    @PostMapping("/api/requests/{requestId}/cancel")
    ResponseEntity<RequestView> cancel(@PathVariable String requestId,
                                       @RequestHeader(name = CallerHeaders.PRINCIPAL, required = false) String principal,
                                       @RequestHeader(name = CallerHeaders.ADMIN, required = false) String admin) {
        String caller = CallerHeaders.principal(principal);
        PersonaRequest canceled = cancels.cancel(recorded(requestId), caller, "true".equals(admin));
        return ResponseEntity.accepted().body(RequestView.of(canceled, caller));
    }

    private PersonaRequest recorded(String requestId) {
        return parse(requestId)
                .flatMap(requests::find)
                .filter(PersonaRequest::recorded)
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
        return switch (intake.take(id, body, CallerHeaders.principal(principal), CallerHeaders.name(name))) {
            case IntakeResult.PersonaExists(PersonaView persona) -> ResponseEntity.ok()
                    .header(HttpHeaders.CONTENT_LOCATION,
                            "/api/personas/" + UriUtils.encodePathSegment(persona.slug(), StandardCharsets.UTF_8))
                    .body(persona);
            case IntakeResult.Recorded(PersonaRequest request, boolean created) -> {
                RequestView view = RequestView.of(request, CallerHeaders.principal(principal));
                yield created ? ResponseEntity.created(URI.create("/api/requests/" + view.requestId())).body(view)
                        : ResponseEntity.ok(view);
            }
        };
    }

    private static Optional<UUID> parse(String requestId) {
        try {
            UUID id = UUID.fromString(requestId);
            // UUID.fromString accepts short forms such as 1-2-3-4-5; only the canonical form names a request.
            return id.toString().equals(requestId.toLowerCase(Locale.ROOT)) ? Optional.of(id) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
