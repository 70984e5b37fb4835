package io.orderflow.gateway.security;

import static io.orderflow.gateway.security.Scopes.CATALOG_WRITE;
import static io.orderflow.gateway.security.Scopes.ORDERS_ADMIN;
import static io.orderflow.gateway.security.Scopes.ORDERS_READ;
import static io.orderflow.gateway.security.Scopes.ORDERS_WRITE;
import static io.orderflow.gateway.security.Scopes.authority;

import java.util.List;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The gateway is an OAuth2 resource server trusting one issuer
 * ({@code spring.security.oauth2.resourceserver.jwt.issuer-uri}). The table below is the access
 * rule of the REST contract: the catalog is public to read; everything else needs a token with the
 * named scope. Which order a caller may touch is decided per request by {@link Caller}.
 */
@Configuration(proxyBeanMethods = false)
public class GatewaySecurity implements WebMvcConfigurer {

    private static final String ORDERS = "/api/v1/orders";
    private static final String PRODUCTS = "/api/v1/products";

    @Bean
    SecurityFilterChain api(HttpSecurity http,
            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver problems) throws Exception {
        ProblemAuthenticationEntryPoint unauthenticated = new ProblemAuthenticationEntryPoint(problems);
        ProblemAccessDeniedHandler forbidden = new ProblemAccessDeniedHandler(problems);
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.GET, PRODUCTS, PRODUCTS + "/*").permitAll()
                        .requestMatchers(HttpMethod.PUT, PRODUCTS + "/*").hasAuthority(authority(CATALOG_WRITE))
                        .requestMatchers(HttpMethod.POST, ORDERS, ORDERS + "/*/cancel")
                                .hasAnyAuthority(authority(ORDERS_WRITE), authority(ORDERS_ADMIN))
                        .requestMatchers(HttpMethod.GET, ORDERS, ORDERS + "/*")
                                .hasAnyAuthority(authority(ORDERS_READ), authority(ORDERS_ADMIN))
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                                .permitAll()
                        .requestMatchers(EndpointRequest.to("health", "info", "prometheus")).permitAll()
                        // Spring's error dispatch renders problems for requests already let through.
                        .requestMatchers("/error").permitAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> { })
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(forbidden))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(forbidden))
                // A bearer-token API: no session, no cookie, hence nothing for CSRF to protect.
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable());
        return http.build();
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CallerArgumentResolver());
    }
}
