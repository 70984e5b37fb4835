package io.orderflow.testing;

import io.orderflow.payment.PaymentServiceConfiguration;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/** A process that runs only the payment service, as a worker does: Boot auto-configuration plus its entry point. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(PaymentServiceConfiguration.class)
public class PaymentServiceApp {
}
