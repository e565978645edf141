package com.personacomposer.persona.web;

import com.personacomposer.kit.problem.FieldProblem;
import com.personacomposer.kit.web.ProblemAdviceSupport;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Every error as application/problem+json (RFC 9457) in the shape all services share (service-kit's
 * {@link ProblemAdviceSupport}): {@code type, title, status, detail, instance} and {@code errors: [{field, message}]}
 * naming each bad field. The gateway hands these bodies on to its clients unchanged.
 */
@RestControllerAdvice
class ProblemAdvice extends ProblemAdviceSupport {

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, e.getMessage(), List.of());
    }

    @ExceptionHandler(UnauthorizedException.class)
    ResponseEntity<ProblemDetail> unauthorized(UnauthorizedException e) {
        return unauthorized(e.getMessage());
    }

    @ExceptionHandler(ForbiddenException.class)
    ProblemDetail forbidden(ForbiddenException e) {
        return problem(HttpStatus.FORBIDDEN, e.getMessage(), List.of());
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        return problem(HttpStatus.CONFLICT, e.getMessage(), List.of());
    }

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalidInput(InvalidInputException e) {
        return problem(HttpStatus.BAD_REQUEST, e.getMessage(), e.errors());
    }

    /** A limit reached: 429 with Retry-After in whole seconds, rounded up. */
    @ExceptionHandler(TooManyRequestsException.class)
    ResponseEntity<ProblemDetail> tooManyRequests(TooManyRequestsException e) {
        long seconds = Math.max(1, (e.retryAfter().toMillis() + 999) / 1000);
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                .body(problem(HttpStatus.TOO_MANY_REQUESTS, e.getMessage(), List.of()));
    }

    @ExceptionHandler(UnprocessableInputException.class)
    ProblemDetail unprocessable(UnprocessableInputException e) {
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage(), e.errors());
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        for (FieldError error : e.getBindingResult().getFieldErrors()) {
            errors.add(new FieldProblem(error.getField(), error.getDefaultMessage()));
        }
        return handleExceptionInternal(e, problem(HttpStatus.BAD_REQUEST, "Invalid request content.", errors),
                headers, status, request);
    }

    /** Constraints on query parameters (page, size). */
    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        e.getParameterValidationResults().forEach(result -> result.getResolvableErrors().forEach(error ->
                errors.add(new FieldProblem(result.getMethodParameter().getParameterName(),
                        error.getDefaultMessage()))));
        return handleExceptionInternal(e, problem(HttpStatus.BAD_REQUEST, "Invalid request parameters.", errors),
                headers, HttpStatus.BAD_REQUEST, request);
    }

    /** A parameter that is not of its type (page=first). */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String type = e.getRequiredType() == null ? "value" : e.getRequiredType().getSimpleName();
        return handleExceptionInternal(e, problem(HttpStatus.BAD_REQUEST, "Invalid request parameters.",
                List.of(new FieldProblem(e.getPropertyName(), "must be a valid " + type))), headers, status, request);
    }

    /** Malformed JSON, or a value of the wrong kind (an unknown mottoTone): named when Jackson knows the field. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem;
        if (e.getCause() instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            problem = problem(HttpStatus.BAD_REQUEST, "Invalid request content.",
                    List.of(new FieldProblem(path(mismatch), "has an invalid value")));
        } else {
            problem = problem(HttpStatus.BAD_REQUEST, "The request body is not valid JSON.", List.of());
        }
        return handleExceptionInternal(e, problem, headers, status, request);
    }

    private static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
