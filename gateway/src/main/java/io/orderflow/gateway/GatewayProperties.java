package io.orderflow.gateway;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/** Everything the gateway can be tuned with, under {@code orderflow.gateway}. */
@Validated
@ConfigurationProperties("orderflow.gateway")
public record GatewayProperties(
        @Valid @DefaultValue Catalog catalog,
        @Valid @DefaultValue Orders orders,
        @Valid @DefaultValue Temporal temporal,
        @NotNull @DefaultValue("64KB") DataSize maxRequestBody) {

    /** The stock service's catalog API and how hard the proxy tries before it answers 503. */
    public record Catalog(
            @NotBlank @DefaultValue("http://127.0.0.1:8081") String baseUrl,
            @NotNull @DefaultValue("1s") Duration connectTimeout,
            @NotNull @DefaultValue("3s") Duration readTimeout,
            @Min(1) @DefaultValue("3") int maxAttempts,
            @NotNull @DefaultValue("100ms") Duration retryWait,
            @Min(1) @DefaultValue("10") int circuitWindowSize,
            @Min(1) @DefaultValue("5") int circuitMinimumCalls,
            @Min(1) @Max(100) @DefaultValue("50") int circuitFailureRatePercent,
            @NotNull @DefaultValue("10s") Duration circuitOpenFor,
            @NotNull @DefaultValue("10s") Duration retryAfter) {
    }

    /**
     * Order endpoints.
     *
     * @param maxWait the longest {@code waitForTerminal} a client may ask for
     * @param maxConcurrentWaits waits one gateway holds at once; past it a wait is answered 429 at once
     * @param waitRetryAfter what a 429 for too many waits tells the client
     * @param queryTimeout deadline of one state query (a busy or absent checkout worker answers no faster)
     * @param updateTimeout deadline of a cancel Update, from sending it to its result
     * @param queryThreads threads that run the (blocking) queries after a wait ends and the cancel Updates
     * @param defaultPageSize orders per page when the client does not say
     * @param listSignalsPerRun orders a customer's order list takes per workflow run before it continues as new
     */
    public record Orders(
            @NotNull @DefaultValue("60s") Duration maxWait,
            @Min(1) @DefaultValue("1000") int maxConcurrentWaits,
            @NotNull @DefaultValue("2s") Duration waitRetryAfter,
            @NotNull @DefaultValue("5s") Duration queryTimeout,
            @NotNull @DefaultValue("10s") Duration updateTimeout,
            @Min(1) @Max(256) @DefaultValue("16") int queryThreads,
            @Min(1) @Max(100) @DefaultValue("20") int defaultPageSize,
            @Min(10) @Max(10_000) @DefaultValue("1000") int listSignalsPerRun) {
    }

    /**
     * Temporal's side of the gateway.
     *
     * @param rpcRetryBudget how long the client keeps retrying an unreachable Temporal before the gateway answers 503
     * @param retryAfter what every 503 for Temporal (unreachable, overloaded, or not answering by a call's deadline) tells the client
     */
    public record Temporal(
            @NotNull @DefaultValue("5s") Duration rpcRetryBudget,
            @NotNull @DefaultValue("5s") Duration retryAfter) {
    }
}
