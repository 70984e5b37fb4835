package io.orderflow.stock;

import io.orderflow.problem.FieldProblem;
import io.orderflow.problem.ProblemTypes;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every error of the catalog API into RFC 9457 problem+json, in the same vocabulary as the
 * gateway ({@link ProblemTypes}, {@link FieldProblem}): a 400 carries an {@code errors} array of
 * {@code {field, message}}; nothing ever carries a stack trace.
 */
@RestControllerAdvice(assignableTypes = ProductController.class)
class CatalogProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(CatalogProblems.class);

    @ExceptionHandler(ProductNotFoundException.class)
    ProblemDetail notFound(ProductNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, ProblemTypes.PRODUCT_NOT_FOUND, "Product not found", e.getMessage());
    }

    @ExceptionHandler(PreconditionFailedException.class)
    ProblemDetail preconditionFailed(PreconditionFailedException e) {
        return problem(HttpStatus.PRECONDITION_FAILED, ProblemTypes.PRECONDITION_FAILED, "Product changed since read",
                e.getMessage());
    }

    @ExceptionHandler(StockOutOfBoundsException.class)
    ProblemDetail outOfBounds(StockOutOfBoundsException e) {
        return e.belowZero()
                ? problem(HttpStatus.CONFLICT, ProblemTypes.NOT_ENOUGH_STOCK, "Not enough stock", e.getMessage())
                : problem(HttpStatus.CONFLICT, ProblemTypes.STOCK_LIMIT_EXCEEDED, "Stock limit exceeded", e.getMessage());
    }

    @ExceptionHandler(UnknownWarehouseException.class)
    ProblemDetail unknownWarehouse(UnknownWarehouseException e) {
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, ProblemTypes.UNKNOWN_WAREHOUSE, "Unknown warehouse",
                e.getMessage());
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ProblemDetail conflict(OptimisticLockingFailureException e) {
        return problem(HttpStatus.CONFLICT, ProblemTypes.PRODUCT_CHANGED, "Product changed",
                "The product changed while it was being written; read it and try again.");
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("Catalog request failed", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, ProblemTypes.INTERNAL, "Internal error",
                "An unexpected error occurred; it has been logged.");
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = e.getFieldErrors().stream().map(CatalogProblems::problem).toList();
        return badRequest(errors, headers);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        for (ParameterValidationResult result : e.getParameterValidationResults()) {
            if (result instanceof ParameterErrors body) {
                body.getFieldErrors().forEach(error -> errors.add(problem(error)));
            } else {
                String parameter = result.getMethodParameter().getParameterName();
                for (MessageSourceResolvable error : result.getResolvableErrors()) {
                    errors.add(new FieldProblem(parameter, error.getDefaultMessage()));
                }
            }
        }
        return badRequest(errors, headers);
    }

    private ResponseEntity<Object> badRequest(List<FieldProblem> errors, HttpHeaders headers) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION, "Invalid request",
                "The request has " + errors.size() + " invalid field(s).");
        problem.setProperty("errors", errors.stream()
                .sorted(Comparator.comparing(FieldProblem::field).thenComparing(FieldProblem::message))
                .toList());
        return ResponseEntity.badRequest().headers(headers).body(problem);
    }

    private static ProblemDetail problem(HttpStatus status, URI type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(title);
        return problem;
    }

    private static FieldProblem problem(FieldError error) {
        return new FieldProblem(error.getField(), error.getDefaultMessage());
    }
}
