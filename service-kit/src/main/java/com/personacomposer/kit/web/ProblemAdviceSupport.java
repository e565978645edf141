package com.personacomposer.kit.web;

import com.personacomposer.kit.problem.FieldProblem;
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
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The problem+json answers (RFC 9457) of the services with a servlet API, shaped like the gateway's so it can hand
 * them on unchanged: always {@code type, title, status, detail, instance} and {@code errors: [{field, message}]}
 * naming each bad field (empty when no field is at fault). Each such service has one {@code @RestControllerAdvice}
 * extending this with its own exceptions; anything unexpected is logged here and answered without internals (no
 * address, no stack trace).
 */
public abstract class ProblemAdviceSupport extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdviceSupport.class);
    protected static final String ERRORS = "errors";
    /** Spring leaves {@code type} out when it is the default; clients are promised it is always there. */
    private static final URI DEFAULT_TYPE = URI.create("about:blank");

    /** Anything unexpected (the database unreachable...): logged here, answered without internals. */
    @ExceptionHandler(Exception.class)
    protected ProblemDetail unexpected(Exception e) {
        log.error("request failed", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "The request could not be processed; try again later.",
                List.of());
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

    /** 401 with {@code WWW-Authenticate: Bearer}: the caller must be known for this. */
    protected static ResponseEntity<ProblemDetail> unauthorized(String detail) {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .body(problem(HttpStatus.UNAUTHORIZED, detail, List.of()));
    }

    /** @param errors the {@code {field, message}} entries naming bad fields (empty when no field is at fault) */
    protected static ProblemDetail problem(HttpStatus status, String detail, List<FieldProblem> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setProperty(ERRORS, errors);
        return complete(problem);
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
