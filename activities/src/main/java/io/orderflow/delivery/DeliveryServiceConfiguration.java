package io.orderflow.delivery;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;

/**
 * Entry point of the delivery service: a process that runs it imports this class and gets the
 * {@code deliveryActivities} bean (what the worker registers on task queue {@code delivery}), the
 * simulated {@link Carrier} (whose own bookings and pending tracking events are the
 * {@code sim_carrier_booking} and {@code sim_carrier_event} tables of the same database), and the shipment entity and repository.
 *
 * <p>Contract with the process: ONE service per application context, against ONE datasource
 * configured with Boot's standard properties, so Boot's own DataSource, Flyway and JPA
 * auto-configuration apply unchanged:
 * <ul>
 *   <li>{@code spring.datasource.url}, {@code .username}, {@code .password} — the delivery database
 *       (required);</li>
 *   <li>{@code spring.flyway.locations=classpath:db/delivery} and
 *       {@code spring.jpa.hibernate.ddl-auto=validate} — defaulted by
 *       {@code orderflow-delivery.properties} below;</li>
 *   <li>{@code orderflow.delivery.carrier.serviceable-countries} — optional, see {@link CarrierProperties};</li>
 *   <li>{@code orderflow.delivery.carrier.events.webhook-url} and {@code .webhook-secret} — where the
 *       simulated carrier posts its tracking events (required unless {@code .enabled=false}), see
 *       {@link CarrierEventsProperties}.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan(basePackageClasses = DeliveryServiceConfiguration.class)
@EntityScan(basePackageClasses = DeliveryServiceConfiguration.class)
@EnableJpaRepositories(basePackageClasses = DeliveryServiceConfiguration.class)
@EnableConfigurationProperties({CarrierProperties.class, CarrierEventsProperties.class})
@PropertySource("classpath:orderflow-delivery.properties")
public class DeliveryServiceConfiguration {
}
