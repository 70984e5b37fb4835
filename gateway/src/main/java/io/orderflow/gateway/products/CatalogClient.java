package io.orderflow.gateway.products;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.orderflow.gateway.GatewayProperties;
import io.orderflow.problem.FieldProblem;
import java.net.ConnectException;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.http.HttpHeaders;
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
 * breaker. Reads and PUTs are idempotent (a PUT sets a whole product), so a retry after a lost
 * reply is safe; a stock change is not (a delta applied twice counts twice), so it is retried only
 * when it surely never arrived: the connection was refused. A 4xx is the caller's mistake: never
 * retried, never counted against the stock service, passed on. Down, slow or 5xx: a quick
 * {@link CatalogUnavailableException}.
 */
@Component
public class CatalogClient {

    private final RestClient http;
    private final CircuitBreaker circuitBreaker;
    private final Retry retry;
    private final Retry retryUndelivered;
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
        this.retryUndelivered = Retry.of("catalog-stock-change", RetryConfig.custom()
                .maxAttempts(settings.maxAttempts())
                .waitDuration(settings.retryWait())
                .retryOnException(CatalogClient::neverArrived)
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

    /**
     * Writes on behalf of the caller, whose bearer token the stock service checks for
     * {@code catalog:write}. {@code ifMatch}, when the caller sent one, goes along unchanged: the
     * stock service judges it against the row it writes.
     */
    public Product put(String sku, ProductUpsert upsert, Optional<String> ifMatch, String bearerToken) {
        return call(retry, () -> http.put().uri("/products/{sku}", sku).contentType(MediaType.APPLICATION_JSON)
                .headers(headers -> {
                    headers.setBearerAuth(bearerToken);
                    ifMatch.ifPresent(value -> headers.set(HttpHeaders.IF_MATCH, value));
                })
                .accept(MediaType.APPLICATION_JSON).body(upsert).retrieve().body(Product.class));
    }

    /** Adds or takes units on behalf of the caller ({@code catalog:write}, checked by the stock service). */
    public Product changeStock(String sku, StockChangeRequest change, String bearerToken) {
        return call(retryUndelivered, () -> http.post().uri("/products/{sku}/stock", sku)
                .contentType(MediaType.APPLICATION_JSON)
                .headers(headers -> headers.setBearerAuth(bearerToken))
                .accept(MediaType.APPLICATION_JSON).body(change).retrieve().body(Product.class));
    }

    private static boolean neverArrived(Throwable failure) {
        return failure instanceof ResourceAccessException && failure.getCause() instanceof ConnectException;
    }

    private <T> T call(Supplier<T> request) {
        return call(retry, request);
    }

    private <T> T call(Retry retry, Supplier<T> request) {
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
        return new CatalogRejectedException(status == null ? HttpStatus.BAD_REQUEST : status,
                problem == null ? null : problem.type(), problem == null ? null : problem.title(), detail, errors);
    }

    private static UpstreamProblem readProblem(HttpClientErrorException rejected) {
        try {
            return rejected.getResponseBodyAs(UpstreamProblem.class);
        } catch (RuntimeException notAProblemBody) {
            return null;
        }
    }

    /** The parts of the stock service's problem+json body worth passing on. */
    record UpstreamProblem(URI type, String title, String detail, List<FieldProblem> errors) {
    }
}
