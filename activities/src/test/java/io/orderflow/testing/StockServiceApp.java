package io.orderflow.testing;

import io.orderflow.stock.StockServiceConfiguration;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/** A process that runs only the stock service, as a worker does: Boot auto-configuration plus its entry point. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(StockServiceConfiguration.class)
public class StockServiceApp {
}
