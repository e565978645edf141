package com.personacomposer.gateway.request;

import com.personacomposer.gateway.access.ModelAccess;
import com.personacomposer.gateway.access.WebhookAccess;
import com.personacomposer.gateway.config.GatewayProperties;
import com.personacomposer.gateway.downstream.IntakeResult;
import com.personacomposer.gateway.downstream.PassThrough;
import com.personacomposer.gateway.downstream.PersonaServiceRejectedException;
import com.personacomposer.gateway.downstream.PersonaServiceUnavailableException;
import com.personacomposer.gateway.request.PersonaRequestService.Completed;
import com.personacomposer.gateway.request.PersonaRequestService.Ended;
import com.personacomposer.gateway.request.PersonaRequestService.StillPending;
import com.personacomposer.gateway.web.ProblemException;
import com.personacomposer.gateway.web.Problems;
import com.personacomposer.kit.problem.FieldProblem;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.util.UriUtils;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * POST /api/personas. The body is read and parsed here (not by a codec), once, so that every way it can be wrong (too
 * large, not JSON, wrong types, a model the caller may not use, a webhook of an anonymous caller or to an address
 * that may not be delivered to) becomes a 4xx problem naming what is wrong, never a 5xx.
 */
@Component
class CreatePersonaHandler {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String PREFER = "Prefer";
    static final String PREFERENCE_APPLIED = "Preference-Applied";

    private static final Logger log = LoggerFactory.getLogger(CreatePersonaHandler.class);
    /** persona-service keeps keys of up to 200 characters: a longer one must be refused here, not there. */
    private static final Pattern IDEMPOTENCY_KEY_SHAPE = Pattern.compile("[\\x21-\\x7E]{1,200}");
    private static final int MAX_PARSER_MESSAGE = 200;

    private final PersonaRequestService service;
    private final PersonaRequestValidator validator;
    private final ModelAccess modelAccess;
    private final WebhookTargetCheck webhookCheck;
    private final ObjectReader reader;
    private final int maxBodyBytes;
    private final Duration maxWait;

    CreatePersonaHandler(PersonaRequestService service, ModelAccess modelAccess, WebhookTargetCheck webhookCheck,
                         JsonMapper json, GatewayProperties properties) {
        this.service = service;
        this.modelAccess = modelAccess;
        this.webhookCheck = webhookCheck;
        this.validator = new PersonaRequestValidator(properties.defaultModel());
        // Duplicate fields ({"name":"a","name":{...}}) and trailing garbage make a body ambiguous: malformed.
        this.reader = json.reader()
                .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.maxBodyBytes = (int) properties.maxRequestBody().toBytes();
        this.maxWait = properties.maxWait();
    }

    Mono<ServerResponse> create(ServerRequest request) {
        if (request.headers().contentLength().orElse(0) > maxBodyBytes) {
            return tooLarge(request);
        }
        Optional<MediaType> contentType = request.headers().contentType();
        if (contentType.isPresent() && !isJson(contentType.get())) {
            return Problems.respond(request, Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "The body must be JSON (Content-Type: application/json)."));
        }
        String idempotencyKey = request.headers().firstHeader(IDEMPOTENCY_KEY);
        if (idempotencyKey != null && !IDEMPOTENCY_KEY_SHAPE.matcher(idempotencyKey).matches()) {
            return Problems.respond(request, Problems.withErrors(HttpStatus.BAD_REQUEST, "The Idempotency-Key header is invalid.",
                    List.of(new FieldProblem(IDEMPOTENCY_KEY, "must be 1-200 visible ASCII characters"))));
        }
        Optional<Duration> wait = WaitPreference.from(request.headers().header(PREFER), maxWait);
        return DataBufferUtils.join(request.body(BodyExtractors.toDataBuffers()), maxBodyBytes)
                .map(CreatePersonaHandler::drain)
                .defaultIfEmpty(new byte[0])
                .map(Optional::of)
                .onErrorResume(DataBufferLimitException.class, tooBig -> Mono.just(Optional.empty()))
                .flatMap(body -> body.isEmpty()
                        ? tooLarge(request)
                        : handle(request, body.get(), idempotencyKey, wait));
    }

    private Mono<ServerResponse> handle(ServerRequest request, byte[] body, String idempotencyKey,
                                        Optional<Duration> wait) {
        if (body.length == 0) {
            return Problems.respond(request, Problems.of(HttpStatus.BAD_REQUEST,
                    "The body is empty; send a JSON object such as {\"name\": \"Ada Lovelace\"}."));
        }
        JsonNode json;
        try {
            json = reader.readTree(body);
        } catch (JacksonException malformed) {
            return Problems.respond(request, Problems.of(HttpStatus.BAD_REQUEST, "Malformed JSON: " + parserMessage(malformed)));
        }
        if (json == null || !json.isObject()) {
            return Problems.respond(request, Problems.of(HttpStatus.BAD_REQUEST, "The body must be a JSON object."));
        }
        PersonaRequestValidator.Result result = validator.validate(json);
        if (!result.valid()) {
            return Problems.respond(request, Problems.invalid(result.errors()));
        }
        PersonaRequestInput input = result.input();
        Optional<ProblemException> refused = modelAccess.refusal(request.exchange(), input.model())
                .or(() -> input.webhook() == null ? Optional.empty() : WebhookAccess.refusal(request.exchange()));
        if (refused.isPresent()) {
            return Mono.error(refused.get());
        }
        if (input.webhook() == null) {
            return submit(request, input, idempotencyKey, wait);
        }
        return webhookCheck.refusal(input.webhook().url()).flatMap(webhookRefused -> webhookRefused.isPresent()
                ? Problems.respond(request, Problems.invalid(List.of(webhookRefused.get())))
                : submit(request, input, idempotencyKey, wait));
    }

    private Mono<ServerResponse> submit(ServerRequest request, PersonaRequestInput input, String idempotencyKey,
                                        Optional<Duration> wait) {
        return service.submit(input, idempotencyKey)
                .flatMap(intake -> switch (intake) {
                    case IntakeResult.PersonaExists(PassThrough persona) ->
                            passThrough(HttpStatus.OK, persona).bodyValue(persona.body());
                    case IntakeResult.Recorded recorded -> answer(recorded, wait);
                })
                .onErrorResume(PersonaServiceRejectedException.class, rejected -> passThrough(
                        rejected.response().status(), rejected.response()).bodyValue(rejected.response().body()))
                .onErrorResume(PersonaServiceUnavailableException.class, error -> {
                    log.warn("persona-service unavailable for POST /api/personas: {}", error.toString());
                    return Problems.respond(request, Problems.of(HttpStatus.SERVICE_UNAVAILABLE,
                            "Personas cannot be requested right now; try again shortly."));
                });
    }

    private Mono<ServerResponse> answer(IntakeResult.Recorded accepted, Optional<Duration> wait) {
        if (wait.isEmpty()) {
            return pending(accepted, null);
        }
        String applied = "wait=" + wait.get().toSeconds();
        return service.await(accepted, wait.get()).flatMap(finish -> switch (finish) {
            case Completed(String slug, PassThrough persona) -> passThrough(HttpStatus.CREATED, persona)
                    .location(personaLocation(slug))
                    .header(PREFERENCE_APPLIED, applied)
                    .bodyValue(persona.body());
            case Ended(JsonNode status) -> ServerResponse.accepted()
                    .location(requestLocation(accepted.requestId()))
                    .header(PREFERENCE_APPLIED, applied)
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(status);
            case StillPending() -> pending(accepted, applied);
        });
    }

    /** 202 with where to follow the request; {@code preferenceApplied} is null when no wait was honoured. */
    private static Mono<ServerResponse> pending(IntakeResult.Recorded accepted, String preferenceApplied) {
        ServerResponse.BodyBuilder response = ServerResponse.accepted()
                .location(requestLocation(accepted.requestId()))
                .contentType(MediaType.APPLICATION_JSON);
        if (preferenceApplied != null) {
            response.header(PREFERENCE_APPLIED, preferenceApplied);
        }
        return response.bodyValue(
                new AcceptedBody(accepted.requestId(), accepted.personaName(), accepted.slug(), accepted.status()));
    }

    private static ServerResponse.BodyBuilder passThrough(HttpStatusCode status, PassThrough response) {
        ServerResponse.BodyBuilder answer = ServerResponse.status(status)
                .contentType(response.contentType() != null ? response.contentType() : MediaType.APPLICATION_JSON);
        if (response.retryAfter() != null) {
            answer.header(HttpHeaders.RETRY_AFTER, response.retryAfter());
        }
        return answer;
    }

    record AcceptedBody(UUID requestId, String personaName, String slug, String status) {
    }

    private static URI requestLocation(UUID requestId) {
        return URI.create("/api/requests/" + requestId);
    }

    private static URI personaLocation(String slug) {
        return URI.create("/api/personas/" + UriUtils.encodePathSegment(slug, StandardCharsets.UTF_8));
    }

    private Mono<ServerResponse> tooLarge(ServerRequest request) {
        return Problems.respond(request, Problems.of(HttpStatus.CONTENT_TOO_LARGE,
                "The body is larger than " + maxBodyBytes + " bytes."));
    }

    private static boolean isJson(MediaType type) {
        return type.isCompatibleWith(MediaType.APPLICATION_JSON) || type.getSubtype().endsWith("+json");
    }

    private static byte[] drain(DataBuffer buffer) {
        try {
            byte[] bytes = new byte[buffer.readableByteCount()];
            buffer.read(bytes);
            return bytes;
        } finally {
            DataBufferUtils.release(buffer);
        }
    }

    private static String parserMessage(JacksonException error) {
        String message = String.valueOf(error.getOriginalMessage());
        return message.length() <= MAX_PARSER_MESSAGE ? message : message.substring(0, MAX_PARSER_MESSAGE) + "...";
    }
}
