package io.orderflow.stock;

import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;

/**
 * Entry point of the stock service: a process that runs it imports this class and gets the
 * {@code stockActivities} bean (what the worker registers on task queue {@code stock}), the
 * catalog HTTP API at {@code /products}, and the stock entities and repositories.
 *
 * <p>Contract with the process: ONE service per application context, against ONE datasource
 * configured with Boot's standard properties, so Boot's own DataSource, Flyway and JPA
 * auto-configuration apply unchanged:
 * <ul>
 *   <li>{@code spring.datasource.url}, {@code .username}, {@code .password} — the stock database
 *       (required; e.g. {@code jdbc:mysql://db:3306/stock});</li>
 *   <li>{@code spring.flyway.locations=classpath:db/stock} and
 *       {@code spring.jpa.hibernate.ddl-auto=validate} — defaulted by {@code orderflow-stock.properties}
 *       below, which a process may override but should not need to.</li>
 * </ul>
 * There are no stock-specific settings.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan(basePackageClasses = StockServiceConfiguration.class)
@EntityScan(basePackageClasses = StockServiceConfiguration.class)
@EnableJpaRepositories(basePackageClasses = StockServiceConfiguration.class)
@PropertySource("classpath:orderflow-stock.properties")
public class StockServiceConfiguration {
}
