package io.orderflow.gateway.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * A missing or invalid token: Spring Security's bearer entry point sets {@code 401} and the
 * {@code WWW-Authenticate: Bearer …} header (RFC 6750); the API's problem handler writes the body,
 * so a 401 looks like every other error of the API.
 */
class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

    private final BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
    private final HandlerExceptionResolver problems;

    ProblemAuthenticationEntryPoint(HandlerExceptionResolver problems) {
        this.problems = problems;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure) {
        bearer.commence(request, response, failure);
        problems.resolveException(request, response, null, failure);
    }
}
