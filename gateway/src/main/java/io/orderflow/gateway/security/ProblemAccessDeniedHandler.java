package io.orderflow.gateway.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.web.servlet.HandlerExceptionResolver;

/** A valid token without the scope: {@code 403}, {@code WWW-Authenticate: Bearer error="insufficient_scope"}, a problem body. */
class ProblemAccessDeniedHandler implements AccessDeniedHandler {

    private final BearerTokenAccessDeniedHandler bearer = new BearerTokenAccessDeniedHandler();
    private final HandlerExceptionResolver problems;

    ProblemAccessDeniedHandler(HandlerExceptionResolver problems) {
        this.problems = problems;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied) {
        bearer.handle(request, response, denied);
        problems.resolveException(request, response, null, denied);
    }
}
