package com.personacomposer.webhook.web;

import java.net.URI;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error as application/problem+json, shaped like the gateway's and persona-service's ({@code type, title,
 * status, detail, instance, errors}), so the gateway can hand them on unchanged. No answer carries a secret, an
 * internal address or a stack trace.
 */
@RestControllerAdvice
class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);
    private static final String ERRORS = "errors";
    private static final URI DEFAULT_TYPE = URI.create("about:blank");

    @ExceptionHandler(UnauthorizedException.class)
    ResponseEntity<ProblemDetail> unauthorized(UnauthorizedException e) {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .body(problem(HttpStatus.UNAUTHORIZED, e.getMessage()));
    }

    /** Anything unexpected (the database unreachable...): logged here, answered without internals. */
    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("request failed", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "The request could not be processed; try again later.");
    }

    /** The problems Spring makes itself (404 for unknown paths, 405...) get the same shape. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        if (body instanceof ProblemDetail problem) {
            complete(problem);
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    private static ProblemDetail problem(HttpStatus status, String detail) {
        return complete(ProblemDetail.forStatusAndDetail(status, detail));
    }

    private static ProblemDetail complete(ProblemDetail problem) {
        if (problem.getType() == null || DEFAULT_TYPE.equals(problem.getType())) {
            problem.setType(DEFAULT_TYPE);
        }
        if (problem.getProperties() == null || !problem.getProperties().containsKey(ERRORS)) {
            problem.setProperty(ERRORS, List.of());
        }
        return problem;
    }
}
