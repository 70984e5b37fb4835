package io.orderflow.gateway.security;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.headers.Header;
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
                .addString(io.orderflow.gateway.security.Scopes.ORDERS_ADMIN, "Operators: read, cancel and list any order; resolve overdue deliveries, retry failing compensations")
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
                        .description("JWT access token from " + issuer + ", sent as Authorization: Bearer <token>")
                        .flows(flows)));
    }

    /**
     * 401 and 403, declared once here rather than on every method. Every operation can answer 401
     * with {@code WWW-Authenticate: Bearer}: one that needs a token when it has none or a bad one,
     * a public one when a token is sent and is not valid (the resource server checks every token it
     * is given). An operation that needs a token answers 403 when the token lacks the scope (with
     * {@code WWW-Authenticate: Bearer error="insufficient_scope"}); a method may declare its own 403
     * for other reasons, which keeps its description. Their problem+json content is added with every
     * other error response's by {@code io.orderflow.gateway.openapi.ProblemResponses}.
     */
    @Bean
    OperationCustomizer authenticationProblems() {
        return (operation, handler) -> {
            ApiResponses responses = operation.getResponses();
            boolean secured = operation.getSecurity() != null && !operation.getSecurity().isEmpty();
            responses.computeIfAbsent("401", status -> new ApiResponse().description(secured
                    ? "Missing, expired or invalid bearer token"
                    : "A bearer token was sent and it is not valid (this operation needs none: send no token)"));
            // An unsecured operation that declares its own 401 (the signed carrier webhook) refuses a
            // bad signature without a Bearer challenge; only a bad token sent to it gets one.
            boolean ownRefusal = !secured && responses.get("401").getDescription() != null
                    && !responses.get("401").getDescription().startsWith("A bearer token was sent");
            responses.get("401").addHeaderObject(HttpHeaders.WWW_AUTHENTICATE, new Header()
                    .description(ownRefusal ? "Bearer, with the error (RFC 6750), when a bearer token was sent and "
                            + "is not valid" : "Bearer, with the error (RFC 6750)")
                    .required(!ownRefusal)
                    .schema(new StringSchema()));
            if (secured) {
                responses.computeIfAbsent("403", status -> new ApiResponse()
                        .description("The token lacks the scope this operation needs"));
                responses.get("403").addHeaderObject(HttpHeaders.WWW_AUTHENTICATE, new Header()
                        .description("Bearer error=\"insufficient_scope\" when the token lacks the scope")
                        .required(false)
                        .schema(new StringSchema()));
            }
            return operation;
        };
    }
}
