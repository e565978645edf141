package com.personacomposer.persona.web;

import com.personacomposer.kit.problem.FieldProblem;
import java.util.List;

/** Input that passed the annotations but is still wrong: answered 400 problem+json naming the fields. */
public class InvalidInputException extends RuntimeException {

    private final List<FieldProblem> errors;

    public InvalidInputException(List<FieldProblem> errors) {
        super("Invalid request content.");
        this.errors = List.copyOf(errors);
    }

    public InvalidInputException(String field, String message) {
        this(List.of(new FieldProblem(field, message)));
    }

    public List<FieldProblem> errors() {
        return errors;
    }
}
