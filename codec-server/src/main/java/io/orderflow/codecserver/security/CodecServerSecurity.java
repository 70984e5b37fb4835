package io.orderflow.codecserver.security;

import io.orderflow.codecserver.CodecServerProperties;
import io.temporal.payload.codec.AbstractRemoteDataEncoderCodec;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * Only operators may use the codec: the server is an OAuth2 resource server trusting one issuer
 * ({@code spring.security.oauth2.resourceserver.jwt.issuer-uri}), and {@code /encode} and
 * {@code /decode} need a token with the {@value #OPERATOR_SCOPE} scope. Decoding is reading every
 * order's payment token and address; encoding lets a caller write payloads the workers will trust.
 *
 * <p>The Web UI calls the endpoints from the operator's browser, forwarding the operator's access
 * token and sending credentials, so CORS admits exactly the configured UI origins, with
 * credentials, for these two endpoints only.
 *
 * <p>A refusal of a valid token is logged with its subject, like every call that succeeds: the
 * audit trail shows who tried to read decrypted payloads without being an operator.
 */
@Configuration(proxyBeanMethods = false)
class CodecServerSecurity {

    static final String OPERATOR_SCOPE = "orders:admin";
    private static final String ENCODE = AbstractRemoteDataEncoderCodec.ENCODE_PATH_POSTFIX;
    private static final String DECODE = AbstractRemoteDataEncoderCodec.DECODE_PATH_POSTFIX;
    /**
     * What the Web UI sends: the namespace, and with {@code codec.passAccessToken} the operator's
     * access token and, in {@code Authorization-Extras}, the ID token (this server ignores it).
     */
    static final List<String> WEB_UI_HEADERS = List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE,
            "X-Namespace", "Authorization-Extras");
    /** How long a browser may reuse a preflight answer. */
    private static final Duration PREFLIGHT_CACHE = Duration.ofMinutes(10);
    private static final Logger log = LoggerFactory.getLogger(CodecServerSecurity.class);

    @Bean
    SecurityFilterChain codecEndpoints(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.POST, ENCODE, DECODE, "/*" + ENCODE, "/*" + DECODE)
                                .hasAuthority("SCOPE_" + OPERATOR_SCOPE)
                        .requestMatchers(EndpointRequest.to("health", "info")).permitAll()
                        .requestMatchers("/error").permitAll()
                        .anyRequest().denyAll())
                .oauth2ResourceServer(server -> server.jwt(jwt -> { }).accessDeniedHandler(loggedRefusals()))
                .cors(cors -> { })
                // A bearer-token API: no session, and a token in a header is nothing CSRF can forge.
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable());
        return http.build();
    }

    /** The resource server's own 403 answer (with its Bearer challenge), after a log line naming the caller. */
    private static AccessDeniedHandler loggedRefusals() {
        AccessDeniedHandler bearer = new BearerTokenAccessDeniedHandler();
        return (request, response, denied) -> {
            Authentication caller = SecurityContextHolder.getContext().getAuthentication();
            log.warn("refused {} {} for {}: decode and encode need a token with {}", request.getMethod(),
                    request.getRequestURI(), caller == null ? "(no token)" : caller.getName(), OPERATOR_SCOPE);
            bearer.handle(request, response, denied);
        };
    }

    @Bean
    CorsConfigurationSource corsConfigurationSource(CodecServerProperties settings) {
        CorsConfiguration webUi = new CorsConfiguration();
        webUi.setAllowedOrigins(settings.allowedOrigins());
        webUi.setAllowedMethods(List.of(HttpMethod.POST.name(), HttpMethod.OPTIONS.name()));
        webUi.setAllowedHeaders(WEB_UI_HEADERS);
        webUi.setAllowCredentials(true);
        webUi.setMaxAge(PREFLIGHT_CACHE);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        for (String path : List.of(ENCODE, DECODE, "/*" + ENCODE, "/*" + DECODE)) {
            source.registerCorsConfiguration(path, webUi);
        }
        return source;
    }
}
