package io.orderflow.gateway.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import io.orderflow.gateway.carrier.CarrierWebhookController;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Limits API requests per caller with Resilience4j rate limiters: one per token subject, one per
 * client address for anonymous calls. It runs after Spring Security (so the subject is known) and
 * only on {@code /api/} (but not the signed carrier webhook); probes and metrics are never limited. The limiters live in a bounded
 * Caffeine cache, so a flood of distinct addresses cannot grow memory without bound.
 */
@Component
class RequestRateLimiter extends OncePerRequestFilter {

    private final RateLimitProperties settings;
    private final HandlerExceptionResolver problems;
    private final Cache<String, RateLimiter> limiters;
    private final RateLimiterConfig perSubject;
    private final RateLimiterConfig perAddress;

    RequestRateLimiter(RateLimitProperties settings,
            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver problems) {
        this.settings = settings;
        this.problems = problems;
        this.limiters = Caffeine.newBuilder()
                .maximumSize(settings.trackedCallers())
                .expireAfterAccess(settings.forgetAfter())
                .build();
        this.perSubject = config(settings.perSubject());
        this.perAddress = config(settings.perAddress());
    }

    private static RateLimiterConfig config(RateLimitProperties.Budget budget) {
        return RateLimiterConfig.custom()
                .limitForPeriod(budget.limit())
                .limitRefreshPeriod(budget.period())
                // Never hold a request thread waiting for a permit: answer 429 at once.
                .timeoutDuration(Duration.ZERO)
                .build();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !settings.enabled() || !request.getRequestURI().startsWith("/api/") || isExempt(request.getRequestURI());
    }

    /**
     * The carrier webhook has no subject, and one carrier posts every order's events from a few
     * addresses: an anonymous per-address budget would throttle deliveries, not abuse. It is
     * signed instead, and refusing a bad signature costs one HMAC.
     */
    static boolean isExempt(String path) {
        return CarrierWebhookController.PATH.equals(path);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        RateLimiter limiter = limiterFor(request);
        if (limiter.acquirePermission()) {
            chain.doFilter(request, response);
            return;
        }
        problems.resolveException(request, response, null, new RateLimitedException(retryAfter(limiter)));
    }

    private RateLimiter limiterFor(HttpServletRequest request) {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        if (caller instanceof JwtAuthenticationToken token) {
            String key = "subject:" + token.getToken().getSubject();
            return limiters.get(key, name -> RateLimiter.of(name, perSubject));
        }
        // Behind a proxy, set server.forward-headers-strategy so this is the client's address.
        String key = "address:" + request.getRemoteAddr();
        return limiters.get(key, name -> RateLimiter.of(name, perAddress));
    }

    /** When the next permit frees up, rounded up to whole seconds (what Retry-After can say). */
    private static Duration retryAfter(RateLimiter limiter) {
        long nanos = limiter instanceof AtomicRateLimiter atomic
                ? atomic.getDetailedMetrics().getNanosToWait()
                : limiter.getRateLimiterConfig().getLimitRefreshPeriod().toNanos();
        return Duration.ofSeconds(Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L));
    }
}
