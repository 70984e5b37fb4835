package io.orderflow.gateway.security;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.Scopes;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * Declares in the OpenAPI document how to get a token: the issuer's OAuth2 flows (client
 * credentials for programs, authorization code with PKCE for Swagger UI in a browser) and the
 * scopes. Each operation names the scopes it needs with {@code @SecurityRequirement(name = "oauth2")}.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityDocumentation {

    static final String SCHEME = "oauth2";

    @Bean
    OpenAPI orderflowOpenApi(@Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri}") String issuer) {
        Scopes scopes = new Scopes()
                .addString(io.orderflow.gateway.security.Scopes.ORDERS_READ, "Read your own orders")
                .addString(io.orderflow.gateway.security.Scopes.ORDERS_WRITE, "Place and cancel your own orders")
                .addString(io.orderflow.gateway.security.Scopes.ORDERS_ADMIN, "Operators: read, cancel and list any order")
                .addString(io.orderflow.gateway.security.Scopes.CATALOG_WRITE, "Create and change products");
        OAuthFlows flows = new OAuthFlows()
                .clientCredentials(new OAuthFlow().tokenUrl(issuer + "/oauth2/token").scopes(scopes))
                .authorizationCode(new OAuthFlow()
                        .authorizationUrl(issuer + "/oauth2/authorize")
                        .tokenUrl(issuer + "/oauth2/token")
                        .scopes(scopes));
        return new OpenAPI()
                .info(new Info().title("orderflow API").version("v1")
                        .description("Checkout orchestrated by Temporal. Bearer tokens (JWT) from the configured issuer."))
                .components(new Components().addSecuritySchemes(SCHEME, new SecurityScheme()
                        .type(SecurityScheme.Type.OAUTH2)
                        .description("JWT access token from " + issuer)
                        .flows(flows)));
    }

    /**
     * Every operation that needs a token can answer 401 (no or bad token, with
     * {@code WWW-Authenticate: Bearer}) and 403 (token without the scope); declared once here
     * rather than on every method.
     */
    @Bean
    OperationCustomizer authenticationProblems() {
        return (operation, handler) -> {
            if (operation.getSecurity() == null || operation.getSecurity().isEmpty()) {
                return operation;
            }
            ApiResponses responses = operation.getResponses();
            responses.computeIfAbsent("401", status -> problem("Missing, expired or invalid bearer token")
                    .addHeaderObject(HttpHeaders.WWW_AUTHENTICATE, new Header()
                            .description("Bearer, with the error (RFC 6750)")
                            .schema(new StringSchema())));
            responses.computeIfAbsent("403", status -> problem("The token lacks the scope this operation needs"));
            return operation;
        };
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse().description(description).content(new Content().addMediaType(
                MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                new io.swagger.v3.oas.models.media.MediaType().schema(new Schema<>().$ref("#/components/schemas/ProblemDetail"))));
    }
}
