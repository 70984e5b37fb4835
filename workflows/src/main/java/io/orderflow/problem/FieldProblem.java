package io.orderflow.problem;

/**
 * One entry of a {@code 400} problem's {@code errors} array: which input and what is wrong with it.
 * The same shape in every orderflow API, so the gateway passes the stock service's entries on as they are.
 */
public record FieldProblem(String field, String message) {
}
