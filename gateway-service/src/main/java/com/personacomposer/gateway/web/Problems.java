package com.personacomposer.gateway.web;

import com.personacomposer.kit.problem.FieldProblem;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * RFC 9457 problem responses of the gateway's own endpoints: {@code type, title, status, detail, instance} plus
 * {@code errors: [{field, message}]} (empty unless fields were at fault), so clients read every error the same way.
 */
public final class Problems {

    public static final String ERRORS = "errors";
    /** Spring leaves {@code type} out when it is the default; clients are promised it is always there. */
    public static final URI DEFAULT_TYPE = URI.create("about:blank");

    private Problems() {
    }

    public static ProblemDetail of(HttpStatus status, String detail) {
        return withErrors(status, detail, List.of());
    }

    public static ProblemDetail invalid(List<FieldProblem> errors) {
        return withErrors(HttpStatus.BAD_REQUEST, "The request has invalid fields; see errors.", errors);
    }

    public static ProblemDetail withErrors(HttpStatus status, String detail, List<FieldProblem> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(DEFAULT_TYPE);
        problem.setProperty(ERRORS, errors);
        return problem;
    }

    public static Mono<ServerResponse> respond(ServerRequest request, ProblemDetail problem) {
        problem.setInstance(URI.create(request.uri().getRawPath()));
        return ServerResponse.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyValue(problem);
    }
}
