package io.orderflow.gateway.carrier;

import io.orderflow.problem.FieldProblem;
import io.orderflow.gateway.problem.ProblemException;
import io.orderflow.problem.ProblemTypes;
import java.util.List;
import org.springframework.http.HttpStatus;

/** A correctly signed body that is not a valid carrier event: 400 naming each field. */
class InvalidCarrierEventException extends ProblemException {

    private final List<FieldProblem> errors;

    InvalidCarrierEventException(List<FieldProblem> errors) {
        super(HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION, "Invalid request",
                "The carrier event is not valid: " + errors.stream()
                        .map(error -> error.field() + " " + error.message()).toList());
        this.errors = List.copyOf(errors);
    }

    @Override
    public List<FieldProblem> errors() {
        return errors;
    }
}
