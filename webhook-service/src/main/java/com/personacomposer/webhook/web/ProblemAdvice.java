package com.personacomposer.webhook.web;

import com.personacomposer.kit.web.ProblemAdviceSupport;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Every error as application/problem+json in the shape all services share (service-kit's
 * {@link ProblemAdviceSupport}). No answer carries a secret, an internal address or a stack trace.
 */
@RestControllerAdvice
class ProblemAdvice extends ProblemAdviceSupport {

    @ExceptionHandler(UnauthorizedException.class)
    ResponseEntity<ProblemDetail> unauthorized(UnauthorizedException e) {
        return unauthorized(e.getMessage());
    }
}
