package com.personacomposer.gateway.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A problem raised outside a handler (in a web filter), answered by {@link ProblemExceptionHandler} as problem+json
 * with these headers (say, WWW-Authenticate or Retry-After).
 */
public class ProblemException extends ErrorResponseException {

    public ProblemException(ProblemDetail problem, HttpHeaders headers) {
        super(HttpStatusCode.valueOf(problem.getStatus()), problem, null);
        getHeaders().addAll(headers);
    }
}
