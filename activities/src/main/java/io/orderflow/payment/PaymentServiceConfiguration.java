package io.orderflow.payment;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;

/**
 * Entry point of the payment service: a process that runs it imports this class and gets the
 * {@code paymentActivities} bean (what the worker registers on task queue {@code payment}), the
 * simulated {@link PaymentProvider} (whose own books are the {@code sim_provider_*} tables of the
 * same database), and the payment entities and repositories.
 *
 * <p>Contract with the process: ONE service per application context, against ONE datasource
 * configured with Boot's standard properties, so Boot's own DataSource, Flyway and JPA
 * auto-configuration apply unchanged:
 * <ul>
 *   <li>{@code spring.datasource.url}, {@code .username}, {@code .password} — the payment database
 *       (required);</li>
 *   <li>{@code spring.flyway.locations=classpath:db/payment} and
 *       {@code spring.jpa.hibernate.ddl-auto=validate} — defaulted by
 *       {@code orderflow-payment.properties} below;</li>
 *   <li>{@code orderflow.payment.simulator.*} — optional, see {@link PaymentSimulatorProperties}.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan(basePackageClasses = PaymentServiceConfiguration.class)
@EntityScan(basePackageClasses = PaymentServiceConfiguration.class)
@EnableJpaRepositories(basePackageClasses = PaymentServiceConfiguration.class)
@EnableConfigurationProperties(PaymentSimulatorProperties.class)
@PropertySource("classpath:orderflow-payment.properties")
public class PaymentServiceConfiguration {
}
