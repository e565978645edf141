package com.personacomposer.gateway.web;

import io.netty.handler.timeout.TimeoutException;
import java.net.ConnectException;
import java.net.URI;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns every error no handler answered itself (unknown paths, wrong methods, a route whose backend is down) into
 * problem+json. Runs before Boot's default handler, which would answer with its own JSON shape.
 */
@Component
@Order(-2)
@RequiredArgsConstructor
public class ProblemExceptionHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);

    private final JsonMapper json;

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.error(error);
        }
        ProblemDetail problem = problemFor(error, exchange);
        problem.setInstance(URI.create(exchange.getRequest().getURI().getRawPath()));
        if (problem.getProperties() == null || !problem.getProperties().containsKey(Problems.ERRORS)) {
            problem.setProperty(Problems.ERRORS, List.of());
        }
        if (error instanceof ErrorResponse errorResponse) {
            response.getHeaders().addAll(errorResponse.getHeaders());
        }
        response.setStatusCode(HttpStatusCode.valueOf(problem.getStatus()));
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        DataBuffer body = response.bufferFactory().wrap(json.writeValueAsBytes(problem));
        return response.writeWith(Mono.just(body));
    }

    private static ProblemDetail problemFor(Throwable error, ServerWebExchange exchange) {
        if (error instanceof ErrorResponse errorResponse) {
            ProblemDetail body = errorResponse.getBody();
            ProblemDetail copy = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(body.getStatus()), body.getDetail());
            copy.setType(body.getType() != null ? body.getType() : Problems.DEFAULT_TYPE);
            if (body.getProperties() != null) {
                body.getProperties().forEach(copy::setProperty);
            }
            return copy;
        }
        if (causedBy(error, ConnectException.class)) {
            return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "A service behind the gateway is unreachable; try again shortly.");
        }
        if (causedBy(error, TimeoutException.class) || causedBy(error, java.util.concurrent.TimeoutException.class)) {
            return Problems.of(HttpStatus.GATEWAY_TIMEOUT, "A service behind the gateway did not answer in time.");
        }
        log.error("Unhandled error on {} {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), error);
        return Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "Unexpected error.");
    }

    private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
