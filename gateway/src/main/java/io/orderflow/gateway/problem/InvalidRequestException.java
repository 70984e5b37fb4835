package io.orderflow.gateway.problem;

import io.orderflow.problem.FieldProblem;
import io.orderflow.problem.ProblemTypes;
import java.util.List;
import org.springframework.http.HttpStatus;

/** Input the controllers check by hand (headers, query parameters) that is not acceptable. */
public class InvalidRequestException extends ProblemException {

    private final List<FieldProblem> errors;

    public InvalidRequestException(String field, String message) {
        super(HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION, "Invalid request", field + ": " + message);
        this.errors = List.of(new FieldProblem(field, message));
    }

    @Override
    public List<FieldProblem> errors() {
        return errors;
    }
}
