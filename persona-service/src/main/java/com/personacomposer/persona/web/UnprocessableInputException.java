package com.personacomposer.persona.web;

import com.personacomposer.kit.problem.FieldProblem;
import java.util.List;

/** Well-formed input that contradicts what was sent before: answered 422 problem+json naming the field. */
public class UnprocessableInputException extends RuntimeException {

    private final List<FieldProblem> errors;

    public UnprocessableInputException(String field, String message) {
        super(message);
        this.errors = List.of(new FieldProblem(field, message));
    }

    public List<FieldProblem> errors() {
        return errors;
    }
}
