package com.personacomposer.kit.problem;

/**
 * One entry of an application/problem+json answer's {@code errors}: which input field is wrong, and why. Every
 * service names bad fields with it, so clients read one shape whichever service answered.
 */
public record FieldProblem(String field, String message) {
}
