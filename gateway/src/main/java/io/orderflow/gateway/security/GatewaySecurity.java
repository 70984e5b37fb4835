package io.orderflow.gateway.security;

import static io.orderflow.gateway.security.Scopes.CATALOG_WRITE;
import static io.orderflow.gateway.security.Scopes.ORDERS_ADMIN;
import static io.orderflow.gateway.security.Scopes.ORDERS_READ;
import static io.orderflow.gateway.security.Scopes.ORDERS_WRITE;
import static io.orderflow.gateway.security.Scopes.authority;

import io.orderflow.gateway.carrier.CarrierWebhookController;
import java.util.List;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The gateway is an OAuth2 resource server trusting one issuer
 * ({@code spring.security.oauth2.resourceserver.jwt.issuer-uri}). The table below is the access
 * rule of the REST contract: the catalog is public to read; the carrier webhook is signed instead
 * of authenticated; everything else needs a token with the named scope. Which order a caller may touch is decided per request by {@link Caller}.
 */
@Configuration(proxyBeanMethods = false)
public class GatewaySecurity implements WebMvcConfigurer {

    private static final List<String> KNOWN_METHODS =
            List.of("DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT", "QUERY");
    private static final String ORDERS = "/api/v1/orders";
    private static final String PRODUCTS = "/api/v1/products";
    private static final String PLATFORM = "/api/v1/platform/**";
    private static final String CARTS = "/api/v1/carts";

    @Bean
    SecurityFilterChain api(HttpSecurity http,
            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver problems) throws Exception {
        ProblemAuthenticationEntryPoint unauthenticated = new ProblemAuthenticationEntryPoint(problems);
        ProblemAccessDeniedHandler forbidden = new ProblemAccessDeniedHandler(problems);
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.GET, PRODUCTS, PRODUCTS + "/*").permitAll()
                        .requestMatchers(HttpMethod.PUT, PRODUCTS + "/*").hasAuthority(authority(CATALOG_WRITE))
                        .requestMatchers(HttpMethod.POST, PRODUCTS + "/*/stock").hasAuthority(authority(CATALOG_WRITE))
                        // Signed by the carrier instead: CarrierSignature checks every request.
                        .requestMatchers(HttpMethod.POST, CarrierWebhookController.PATH).permitAll()
                        .requestMatchers(HttpMethod.POST, ORDERS + "/*/resolve", ORDERS + "/*/retry-compensation")
                                .hasAuthority(authority(ORDERS_ADMIN))
                        .requestMatchers(HttpMethod.POST, ORDERS, ORDERS + "/*/cancel")
                                .hasAnyAuthority(authority(ORDERS_WRITE), authority(ORDERS_ADMIN))
                        .requestMatchers(HttpMethod.GET, ORDERS, ORDERS + "/*")
                                .hasAnyAuthority(authority(ORDERS_READ), authority(ORDERS_ADMIN))
                        .requestMatchers(PLATFORM).hasAuthority(authority(ORDERS_ADMIN))
                        .requestMatchers(HttpMethod.POST, CARTS, CARTS + "/*/checkout")
                                .hasAnyAuthority(authority(ORDERS_WRITE), authority(ORDERS_ADMIN))
                        .requestMatchers(HttpMethod.PUT, CARTS + "/*/lines/*")
                                .hasAnyAuthority(authority(ORDERS_WRITE), authority(ORDERS_ADMIN))
                        .requestMatchers(HttpMethod.DELETE, CARTS + "/*/lines/*")
                                .hasAnyAuthority(authority(ORDERS_WRITE), authority(ORDERS_ADMIN))
                        .requestMatchers(HttpMethod.GET, CARTS + "/*")
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

    /**
     * Spring Security's strict firewall (encoded slashes, dot segments, control characters… are
     * refused), knowing one method more than its default: QUERY (a safe method with a body, being
     * standardised by the IETF). So a QUERY reaches Spring MVC, which answers 405 with {@code Allow}
     * like for any other method an endpoint does not have, instead of being refused as malformed.
     */
    @Bean
    HttpFirewall httpFirewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHttpMethods(KNOWN_METHODS);
        return firewall;
    }

    /**
     * Tomcat refuses an encoded slash ({@code %2F}) in a path itself, with an HTML page; passed
     * through, the firewall refuses it (it allows no encoded slash) and the client gets a problem.
     */
    @Bean
    TomcatConnectorCustomizer encodedSlashesReachTheFirewall() {
        return connector -> connector.setEncodedSolidusHandling("passthrough");
    }

    /**
     * A request the firewall refuses gets a problem like every other error (rendered by the error
     * page, {@code ProblemErrorController}): 501 for a method this server does not know at all
     * (RFC 9110, section 15.6.2), 400 for anything else it refuses.
     */
    @Bean
    RequestRejectedHandler requestRejectedHandler() {
        return (request, response, rejected) -> response.sendError(KNOWN_METHODS.contains(request.getMethod())
                ? HttpStatus.BAD_REQUEST.value() : HttpStatus.NOT_IMPLEMENTED.value());
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CallerArgumentResolver());
    }
}
