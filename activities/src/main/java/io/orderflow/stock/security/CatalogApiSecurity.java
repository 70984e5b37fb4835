package io.orderflow.stock.security;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The stock service authorizes catalog writes itself: anyone may read {@code /products}, but
 * changing a product takes a bearer token with {@code catalog:write} from the trusted issuer
 * ({@code spring.security.oauth2.resourceserver.jwt.issuer-uri}). The gateway forwards its caller's
 * token; network policies around this service are a second line, not the authorization.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class CatalogApiSecurity {

    public static final String CATALOG_WRITE_AUTHORITY = "SCOPE_catalog:write";

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain catalogApi(HttpSecurity http) throws Exception {
        http.securityMatcher("/products", "/products/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.GET, "/products", "/products/*").permitAll()
                        .anyRequest().hasAuthority(CATALOG_WRITE_AUTHORITY))
                .oauth2ResourceServer(server -> server.jwt(jwt -> { }))
                // Bearer tokens only: no session and no cookie, so nothing for CSRF to protect.
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable());
        return http.build();
    }
}
