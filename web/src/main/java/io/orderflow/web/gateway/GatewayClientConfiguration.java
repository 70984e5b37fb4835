package io.orderflow.web.gateway;

import io.orderflow.web.WebProperties;
import java.net.http.HttpClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.web.client.RestClient;

/**
 * The one HTTP client of the pages: the gateway's REST API, with the logged-in person's access
 * token from their session (none for a visitor who has not logged in: the catalog is public).
 * Every error answer becomes a {@link GatewayException} carrying the gateway's problem details.
 */
@Configuration(proxyBeanMethods = false)
class GatewayClientConfiguration {

    @Bean
    RestClient gatewayClient(RestClient.Builder builder, WebProperties web, OAuth2AuthorizedClientManager tokens,
            OAuth2AuthorizedClientRepository authorizedClients) {
        OAuth2ClientHttpRequestInterceptor bearer = new OAuth2ClientHttpRequestInterceptor(tokens);
        bearer.setClientRegistrationIdResolver(request -> loggedInRegistration());
        // A token the gateway refuses (401) is dropped from the session; the next page logs in afresh.
        bearer.setAuthorizationFailureHandler(
                OAuth2ClientHttpRequestInterceptor.authorizationFailureHandler(authorizedClients));
        JdkClientHttpRequestFactory http = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(web.gatewayTimeout()).build());
        http.setReadTimeout(web.gatewayTimeout());
        return builder
                .baseUrl(web.gatewayUrl().toString())
                .requestFactory(http)
                .requestInterceptor(bearer)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
                    throw GatewayException.from(response);
                })
                .build();
    }

    /** The registration the current person logged in with, or null (no token) for a visitor. */
    private static String loggedInRegistration() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof OAuth2AuthenticationToken login && !(authentication instanceof AnonymousAuthenticationToken)) {
            return login.getAuthorizedClientRegistrationId();
        }
        return null;
    }
}
