package io.orderflow.gateway.products;

import io.orderflow.problem.FieldProblem;
import io.orderflow.gateway.problem.ProblemException;
import io.orderflow.problem.ProblemTypes;
import java.util.List;
import org.springframework.http.HttpStatus;

/** The stock service answered 4xx: the client's mistake, passed on with the same status. */
public class CatalogRejectedException extends ProblemException {

    private final List<FieldProblem> errors;

    CatalogRejectedException(HttpStatus status, String detail, List<FieldProblem> errors) {
        super(status, status == HttpStatus.NOT_FOUND ? ProblemTypes.PRODUCT_NOT_FOUND : ProblemTypes.CATALOG_REJECTED,
                status == HttpStatus.NOT_FOUND ? "Product not found" : "Catalog rejected the request", detail);
        this.errors = errors;
    }

    @Override
    public List<FieldProblem> errors() {
        return errors;
    }
}
