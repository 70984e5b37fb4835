package io.orderflow.web.load;

import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/** The platform's load through the gateway ({@code orders:admin}). */
@Component
class PlatformClient {

    private final RestClient gateway;

    PlatformClient(RestClient gatewayClient) {
        this.gateway = gatewayClient;
    }

    PlatformLoad load() {
        return gateway.get().uri("/api/v1/platform/load").retrieve().body(PlatformLoad.class);
    }
}
