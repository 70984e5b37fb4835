package io.orderflow.gateway.products;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.orderflow.gateway.GatewayProperties;
import io.orderflow.problem.FieldProblem;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * The stock service's catalog API ({@code /products}) behind a timeout, a retry and a circuit
 * breaker. Every call made here is idempotent (GET, and PUT which sets a whole product), so a retry
 * after a lost reply is safe. A 4xx is the caller's mistake: never retried, never counted against
 * the stock service, passed on. Down, slow or 5xx: a quick {@link CatalogUnavailableException}.
 */
@Component
public class CatalogClient {

    private final RestClient http;
    private final CircuitBreaker circuitBreaker;
    private final Retry retry;
    private final GatewayProperties.Catalog settings;

    public CatalogClient(RestClient.Builder builder, GatewayProperties properties) {
        this.settings = properties.catalog();
        SimpleClientHttpRequestFactory requestFactory = new SimpleClientHttpRequestFactory();
        requestFactory.setConnectTimeout(settings.connectTimeout());
        requestFactory.setReadTimeout(settings.readTimeout());
        this.http = builder.clone().baseUrl(settings.baseUrl()).requestFactory(requestFactory).build();
        this.circuitBreaker = CircuitBreaker.of("catalog", CircuitBreakerConfig.custom()
                .slidingWindowSize(settings.circuitWindowSize())
                .minimumNumberOfCalls(settings.circuitMinimumCalls())
                .failureRateThreshold(settings.circuitFailureRatePercent())
                .waitDurationInOpenState(settings.circuitOpenFor())
                .recordExceptions(ResourceAccessException.class, HttpServerErrorException.class)
                .ignoreExceptions(HttpClientErrorException.class)
                .build());
        this.retry = Retry.of("catalog", RetryConfig.custom()
                .maxAttempts(settings.maxAttempts())
                .waitDuration(settings.retryWait())
                .retryExceptions(ResourceAccessException.class, HttpServerErrorException.class)
                .build());
    }

    public ProductList list() {
        return call(() -> http.get().uri("/products").accept(MediaType.APPLICATION_JSON)
                .retrieve().body(ProductList.class));
    }

    public Product get(String sku) {
        return call(() -> http.get().uri("/products/{sku}", sku).accept(MediaType.APPLICATION_JSON)
                .retrieve().body(Product.class));
    }

    /** Writes on behalf of the caller, whose bearer token the stock service checks for {@code catalog:write}. */
    public Product put(String sku, ProductUpsert upsert, String bearerToken) {
        return call(() -> http.put().uri("/products/{sku}", sku).contentType(MediaType.APPLICATION_JSON)
                .headers(headers -> headers.setBearerAuth(bearerToken))
                .accept(MediaType.APPLICATION_JSON).body(upsert).retrieve().body(Product.class));
    }

    private <T> T call(Supplier<T> request) {
        Supplier<T> guarded = Retry.decorateSupplier(retry, CircuitBreaker.decorateSupplier(circuitBreaker, request));
        try {
            return guarded.get();
        } catch (CallNotPermittedException open) {
            throw new CatalogUnavailableException("too many recent failures (circuit open)", settings.retryAfter(), open);
        } catch (ResourceAccessException unreachable) {
            throw new CatalogUnavailableException("no answer from it", settings.retryAfter(), unreachable);
        } catch (HttpServerErrorException broken) {
            throw new CatalogUnavailableException("it answered " + broken.getStatusCode().value(),
                    settings.retryAfter(), broken);
        } catch (HttpClientErrorException rejected) {
            throw passOn(rejected);
        }
    }

    private static CatalogRejectedException passOn(HttpClientErrorException rejected) {
        HttpStatus status = HttpStatus.resolve(rejected.getStatusCode().value());
        UpstreamProblem problem = readProblem(rejected);
        String detail = problem != null && problem.detail() != null
                ? problem.detail() : "The catalog answered " + rejected.getStatusCode().value() + ".";
        List<FieldProblem> errors = problem != null && problem.errors() != null ? problem.errors() : List.of();
        return new CatalogRejectedException(status == null ? HttpStatus.BAD_REQUEST : status, detail, errors);
    }

    private static UpstreamProblem readProblem(HttpClientErrorException rejected) {
        try {
            return rejected.getResponseBodyAs(UpstreamProblem.class);
        } catch (RuntimeException notAProblemBody) {
            return null;
        }
    }

    /** The parts of the stock service's problem+json body worth passing on. */
    record UpstreamProblem(String detail, List<FieldProblem> errors) {
    }
}
