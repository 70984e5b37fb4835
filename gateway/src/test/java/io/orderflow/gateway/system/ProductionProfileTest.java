package io.orderflow.gateway.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.gateway.support.GatewayIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.ActiveProfiles;

/** In production there is no Swagger UI to click through; the contract document is still served. */
@ActiveProfiles("prod")
class ProductionProfileTest extends GatewayIntegrationTest {

    @Test
    void swaggerUiIsOffButTheOpenApiDocumentIsServed() {
        assertThat(anonymous().get("/swagger-ui.html").status()).isIn(401, 404);
        assertThat(anonymous().get("/swagger-ui/index.html").status()).isIn(401, 404);
        assertThat(anonymous().get("/v3/api-docs").status()).isEqualTo(200);
    }
}
