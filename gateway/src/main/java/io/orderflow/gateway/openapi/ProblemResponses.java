package io.orderflow.gateway.openapi;

import io.orderflow.gateway.requestsize.RequestBodyLimitFilter;
import io.orderflow.problem.FieldProblem;
import io.orderflow.gateway.GatewayProperties;
import io.orderflow.gateway.carrier.CarrierWebhookController;
import io.orderflow.gateway.ratelimit.RateLimitProperties;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;

/**
 * The problem responses every operation shares, declared once here rather than on each method:
 * <ul>
 *   <li>{@code 400} for an operation that takes parameters or a body (a malformed value, or a
 *       request the HTTP firewall refuses);</li>
 *   <li>{@code 413} and {@code 415} for an operation that takes a body
 *       ({@code RequestBodyLimitFilter}, the JSON converter);</li>
 *   <li>{@code 429} on every {@code /api/} operation but the signed carrier webhook while rate
 *       limits are on (the rate limiter runs on all of those);</li>
 *   <li>{@code 503} with {@code Retry-After} where the operation calls a service behind the gateway
 *       ({@link CallsUpstream}).</li>
 * </ul>
 * Every error response of the document, declared here or on a method, is
 * {@code application/problem+json} with the {@value #PROBLEM} schema below, and every 429 and 503
 * carries {@code Retry-After}: a controller only says which status codes it answers and why.
 * 401 and 403 come from {@code ApiSecurityDocumentation}.
 */
@Component
class ProblemResponses implements OperationCustomizer, OpenApiCustomizer {

    static final String PROBLEM = "ProblemDetail";
    static final String FIELD_PROBLEM = "FieldProblem";
    private static final String REF = "#/components/schemas/";

    private final long maxBodyKib;
    private final boolean rateLimited;

    ProblemResponses(GatewayProperties properties, RateLimitProperties rateLimits) {
        this.maxBodyKib = properties.maxRequestBody().toKilobytes();
        this.rateLimited = rateLimits.enabled();
    }

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        ApiResponses responses = operation.getResponses();
        boolean hasBody = operation.getRequestBody() != null;
        boolean hasParameters = operation.getParameters() != null && !operation.getParameters().isEmpty();
        if (hasBody || hasParameters) {
            responses.computeIfAbsent("400", status -> new ApiResponse().description(
                    "A parameter or the body breaks a rule of this operation; `errors` names each field and why"));
        }
        if (hasBody) {
            responses.computeIfAbsent("413", status -> new ApiResponse().description(
                    "The body is larger than " + maxBodyKib + " KiB"));
            responses.computeIfAbsent("415", status -> new ApiResponse().description(
                    "The body is not application/json"));
        }
        CallsUpstream upstream = upstreamOf(handler);
        if (upstream != null) {
            responses.computeIfAbsent("503", status -> new ApiResponse()
                    .description(upstream.value() + " cannot be reached or is overloaded; retry after Retry-After seconds"));
        }
        return operation;
    }

    @Override
    public void customise(OpenAPI openApi) {
        openApi.getComponents().addSchemas(PROBLEM, problemSchema()).addSchemas(FIELD_PROBLEM, fieldProblemSchema());
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths().forEach((path, item) -> item.readOperations().forEach(operation -> {
            if (rateLimited && path.startsWith("/api/") && !CarrierWebhookController.PATH.equals(path)) {
                operation.getResponses().computeIfAbsent("429", status -> new ApiResponse());
                ApiResponse tooMany = operation.getResponses().get("429");
                String budget = "The caller sent more requests than its budget allows (per token subject, or per "
                        + "client address without a token); retry after Retry-After seconds";
                String declared = tooMany.getDescription();
                if (declared == null || declared.isBlank()) {
                    tooMany.setDescription(budget);
                } else if (!declared.contains(budget)) {
                    tooMany.setDescription(declared + ". Or: " + budget);
                }
            }
            operation.getResponses().forEach((status, response) -> {
                if (isError(status)) {
                    response.setContent(problemContent());
                }
                if (status.equals("429") || status.equals("503")) {
                    response.addHeaderObject(HttpHeaders.RETRY_AFTER, retryAfter());
                }
            });
            operation.setResponses(sorted(operation.getResponses()));
        }));
    }

    private static CallsUpstream upstreamOf(HandlerMethod handler) {
        CallsUpstream onMethod = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), CallsUpstream.class);
        return onMethod != null ? onMethod
                : AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), CallsUpstream.class);
    }

    private static boolean isError(String status) {
        return status.length() == 3 && (status.charAt(0) == '4' || status.charAt(0) == '5');
    }

    /** Status codes in numeric order, so the document reads the same way for every operation. */
    private static ApiResponses sorted(ApiResponses responses) {
        ApiResponses ordered = new ApiResponses();
        responses.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(entry -> ordered.addApiResponse(entry.getKey(), entry.getValue()));
        ordered.setExtensions(responses.getExtensions());
        return ordered;
    }

    static Header retryAfter() {
        return new Header()
                .description("Seconds to wait before retrying")
                .required(true)
                .schema(new IntegerSchema().format(null).minimum(BigDecimal.ONE));
    }

    static Content problemContent() {
        return new Content().addMediaType(MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                new io.swagger.v3.oas.models.media.MediaType().schema(new Schema<>().$ref(REF + PROBLEM)));
    }

    /** RFC 9457 problem details as the gateway writes them ({@code ProblemHandler}, {@code RequestBodyLimitFilter}). */
    private static Schema<?> problemSchema() {
        return new ObjectSchema()
                .description("RFC 9457 problem details")
                .addProperty("type", new StringSchema().format("uri")
                        .description("Identifies the kind of problem; stable, clients may switch on it"))
                .addProperty("title", new StringSchema().description("Short summary of the kind of problem"))
                .addProperty("status", new IntegerSchema().format(null)
                        .minimum(BigDecimal.valueOf(400)).maximum(BigDecimal.valueOf(599))
                        .description("The HTTP status code"))
                .addProperty("detail", new StringSchema().description("What went wrong with this request"))
                .addProperty("instance", new StringSchema().format("uri-reference")
                        .description("The request path this problem is about"))
                .addProperty("errors", new ArraySchema().items(new Schema<>().$ref(REF + FIELD_PROBLEM))
                        .description("For a 400 about input: each offending field or parameter"))
                .required(List.of("type", "title", "status", "detail"));
    }

    private static Schema<?> fieldProblemSchema() {
        return new ObjectSchema()
                .addProperty("field", new StringSchema()
                        .description("The body field (items[0].sku), query parameter or header that is wrong"))
                .addProperty("message", new StringSchema().description("What is wrong with it"))
                .required(List.of("field", "message"));
    }
}
