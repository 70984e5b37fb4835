package io.orderflow.testing;

import io.orderflow.delivery.DeliveryServiceConfiguration;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/** A process that runs only the delivery service, as a worker does: Boot auto-configuration plus its entry point. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(DeliveryServiceConfiguration.class)
public class DeliveryServiceApp {
}
