package io.orderflow.worker.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * What a worker process serves besides a service's own API: health probes and metrics for the
 * kubelet and Prometheus, open as before. A service that has an API secures it with its own,
 * earlier filter chain (the stock service's catalog: {@code CatalogApiSecurity}); without this
 * chain Spring Security would lock the probes behind a generated password.
 */
@Configuration(proxyBeanMethods = false)
class WorkerSecurity {

    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    SecurityFilterChain operationsEndpoints(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable());
        return http.build();
    }
}
