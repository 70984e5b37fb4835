package io.orderflow.e2e.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.orderflow.e2e.OrderflowClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * No payment token and no address reaches a log line of any process of the stack (gateway,
 * workers, identity provider, Temporal, MariaDB): orders with a recognisable token and address
 * go through every path, then every log of the run is searched for them, and for any payment token.
 */
class SecretsStayOutOfLogsTest {

    private static final OrderflowClient CLIENT = RealStack.client();

    @BeforeAll
    static void stackIsUp() {
        RealStack.assertUp();
    }

    @Test
    void noProcessLogsAPaymentTokenOrAnAddress() throws IOException {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String street = "Logprobe " + marker + " Street";
        String sku = "LOG-" + marker.toUpperCase();
        assertThat(CLIENT.putProduct(sku, "Log probe mug", 1250, "EUR", 10).status()).isEqualTo(200);
        for (String token : List.of("tok_visa", "tok_declined", "tok_flaky")) {
            for (String country : List.of("GB", "AQ")) {
                ObjectNode order = OrderflowClient.order("cust-logs", sku, 1, token, country);
                ((ObjectNode) order.path("shippingAddress")).put("line1", street);
                String orderId = CLIENT.placeOrder(order, null).text("orderId");
                CLIENT.awaitTerminal(orderId, Duration.ofSeconds(90));
            }
        }

        List<Path> logs;
        try (Stream<Path> files = Files.list(RealStack.runDirectory().resolve("logs"))) {
            logs = files.filter(file -> file.toString().endsWith(".log")).toList();
        }
        assertThat(logs).as("the stack's logs").isNotEmpty();
        for (Path log : logs) {
            String text = Files.readString(log, StandardCharsets.ISO_8859_1);
            assertThat(text).as(log.getFileName().toString()).doesNotContain(street, marker + " Street", "tok_");
        }
    }
}
