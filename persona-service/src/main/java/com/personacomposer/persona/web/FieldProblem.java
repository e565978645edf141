package com.personacomposer.persona.web;

/** One entry of a problem's {@code errors}: which input field is wrong, and why. */
public record FieldProblem(String field, String message) {
}
