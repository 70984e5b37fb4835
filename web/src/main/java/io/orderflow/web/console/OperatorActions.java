package io.orderflow.web.console;

import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.client.RestClient;

/** The operator-only order actions of the gateway ({@code orders:admin}). */
@Component
class OperatorActions {

    private final RestClient gateway;

    OperatorActions(RestClient gatewayClient) {
        this.gateway = gatewayClient;
    }

    /** Settles an overdue delivery: DELIVERED, LOST or RETURNED. */
    void resolve(String orderId, String outcome, String note) {
        Map<String, String> body = StringUtils.hasText(note)
                ? Map.of("outcome", outcome, "note", note.strip()) : Map.of("outcome", outcome);
        gateway.post().uri("/api/v1/orders/{orderId}/resolve", orderId)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve()
                .toBodilessEntity();
    }

    /** Makes a failing compensation run again now. */
    void retryCompensation(String orderId) {
        gateway.post().uri("/api/v1/orders/{orderId}/retry-compensation", orderId).retrieve().toBodilessEntity();
    }
}
