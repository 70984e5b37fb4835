package io.orderflow.gateway.products;

import io.orderflow.gateway.problem.ProblemException;
import io.orderflow.problem.ProblemTypes;
import java.time.Duration;
import org.springframework.http.HttpStatus;

/** The stock service is down, too slow, or the circuit breaker is open. */
class CatalogUnavailableException extends ProblemException {

    private final Duration retryAfter;

    CatalogUnavailableException(String why, Duration retryAfter, Throwable cause) {
        super(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.CATALOG_UNAVAILABLE, "Catalog unavailable",
                "The product catalog (stock service) is unavailable: " + why + ". Retry later.", cause);
        this.retryAfter = retryAfter;
    }

    @Override
    public Duration retryAfter() {
        return retryAfter;
    }
}
