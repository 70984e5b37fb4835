package io.orderflow.gateway.problem;

/** One entry of a {@code 400} problem's {@code errors} array: which input and what is wrong with it. */
public record FieldProblem(String field, String message) {
}
