package io.orderflow.gateway.products;

import io.orderflow.gateway.problem.ProblemException;
import io.orderflow.problem.FieldProblem;
import io.orderflow.problem.ProblemTypes;
import java.net.URI;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;

/**
 * The stock service answered 4xx: the client's mistake, passed on with the same status. Its
 * problem types are the gateway's own vocabulary, so the ones a client acts on (a stale
 * {@code If-Match}, a stock change out of bounds, an unknown warehouse) keep their type.
 */
public class CatalogRejectedException extends ProblemException {

    private static final Set<URI> PASSED_ON = Set.of(ProblemTypes.PRECONDITION_FAILED, ProblemTypes.NOT_ENOUGH_STOCK,
            ProblemTypes.STOCK_LIMIT_EXCEEDED, ProblemTypes.UNKNOWN_WAREHOUSE);

    private final List<FieldProblem> errors;

    CatalogRejectedException(HttpStatus status, String detail, List<FieldProblem> errors) {
        this(status, null, null, detail, errors);
    }

    CatalogRejectedException(HttpStatus status, URI upstreamType, String upstreamTitle, String detail,
            List<FieldProblem> errors) {
        super(status, typeOf(status, upstreamType), titleOf(status, upstreamType, upstreamTitle), detail);
        this.errors = errors;
    }

    private static URI typeOf(HttpStatus status, URI upstreamType) {
        if (status == HttpStatus.NOT_FOUND) {
            return ProblemTypes.PRODUCT_NOT_FOUND;
        }
        if (status == HttpStatus.PRECONDITION_FAILED) {
            return ProblemTypes.PRECONDITION_FAILED;
        }
        return PASSED_ON.contains(upstreamType) ? upstreamType : ProblemTypes.CATALOG_REJECTED;
    }

    private static String titleOf(HttpStatus status, URI upstreamType, String upstreamTitle) {
        if (status == HttpStatus.NOT_FOUND) {
            return "Product not found";
        }
        return PASSED_ON.contains(upstreamType) && upstreamTitle != null ? upstreamTitle : "Catalog rejected the request";
    }

    @Override
    public List<FieldProblem> errors() {
        return errors;
    }
}
