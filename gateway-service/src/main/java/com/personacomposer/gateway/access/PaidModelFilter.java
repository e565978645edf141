package com.personacomposer.gateway.access;

import com.personacomposer.events.ImageModel;
import com.personacomposer.gateway.config.GatewayProperties;
import com.personacomposer.gateway.web.ProblemException;
import com.personacomposer.gateway.web.Problems;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Anonymous callers may create personas only with the models in PERSONA_ANONYMOUS_MODELS: any other (each may
 * cost the operator money) needs a principal, 401 otherwise. Reads the body's {@code model} (the default model when
 * it names none) and hands the body on unchanged; a body that is not valid is left to the create handler to refuse.
 * With neither sign-in nor API keys configured, everything stays open.
 */
@Component
class PaidModelFilter implements WebFilter, Ordered {

    static final int ORDER = CallerFilter.ORDER + 5;
    private static final PathPattern CREATE = PathPatternParser.defaultInstance.parse("/api/personas");

    private final AccessProperties access;
    private final boolean open;
    private final ImageModel defaultModel;
    private final int maxBodyBytes;
    private final JsonMapper json;

    PaidModelFilter(AccessProperties access, OidcProperties oidc, ApiKeyProperties keys, GatewayProperties gateway,
                    JsonMapper json) {
        this.access = access;
        this.open = !oidc.enabled() && ApiKeys.of(keys.apiKeys()).count() == 0;
        this.defaultModel = gateway.defaultModel();
        this.maxBodyBytes = (int) gateway.maxRequestBody().toBytes();
        this.json = json;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (open || exchange.getRequest().getMethod() != HttpMethod.POST
                || !CREATE.matches(exchange.getRequest().getPath().pathWithinApplication())
                || Caller.of(exchange).isPresent()) {
            return chain.filter(exchange);
        }
        return DataBufferUtils.join(exchange.getRequest().getBody(), maxBodyBytes)
                .map(PaidModelFilter::drain)
                .defaultIfEmpty(new byte[0])
                .map(Optional::of)
                .onErrorResume(DataBufferLimitException.class, tooBig -> Mono.just(Optional.empty()))
                .flatMap(body -> {
                    if (body.isEmpty()) {
                        return Mono.error(new ProblemException(Problems.of(HttpStatus.CONTENT_TOO_LARGE,
                                "The body is larger than " + maxBodyBytes + " bytes."), new org.springframework.http.HttpHeaders()));
                    }
                    Optional<ImageModel> model = requestedModel(body.get());
                    if (model.isPresent() && !access.anonymousModels().contains(model.get().id())) {
                        return Mono.error(UnauthorizedEntryPoint.unauthorized("The model " + model.get().id()
                                + " needs a signed-in caller; without signing in, use "
                                + (access.anonymousModels().isEmpty() ? "none" : String.join(" or ", access.anonymousModels()))
                                + ".", false));
                    }
                    return chain.filter(exchange.mutate().request(new ServerHttpRequestDecorator(exchange.getRequest()) {
                        @Override
                        public Flux<DataBuffer> getBody() {
                            return Flux.defer(() -> Flux.just(exchange.getResponse().bufferFactory().wrap(body.get())));
                        }
                    }).build());
                });
    }

    /** The model the body asks for; empty when the body is not one the handler would accept. */
    private Optional<ImageModel> requestedModel(byte[] body) {
        if (body.length == 0) {
            return Optional.empty();
        }
        try {
            JsonNode node = json.readTree(body);
            if (node == null || !node.isObject()) {
                return Optional.empty();
            }
            JsonNode model = node.get("model");
            if (model == null || model.isNull()) {
                return Optional.of(defaultModel);
            }
            return model.isString() ? ImageModel.fromId(model.stringValue()) : Optional.empty();
        } catch (JacksonException malformed) {
            return Optional.empty();
        }
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

    @Override
    public int getOrder() {
        return ORDER;
    }
}
