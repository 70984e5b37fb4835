package io.orderflow.web.gateway;

import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.client.ResourceAccessException;

/**
 * A page whose gateway call failed shows why, with the status that fits: not found (an unknown
 * order, or someone else's: the gateway does not say which, and neither do we), or the platform
 * being unavailable. Nothing of the failure's internals reaches the page.
 */
@ControllerAdvice
class GatewayErrors {

    private static final Logger log = LoggerFactory.getLogger(GatewayErrors.class);

    @ExceptionHandler(GatewayException.class)
    String gatewayRefused(GatewayException refusal, Model model, HttpServletResponse response) {
        int status = refusal.status() == 404 || refusal.status() == 403 || refusal.status() == 410
                || refusal.status() == 429 || refusal.status() == 503 ? refusal.status()
                : refusal.status() >= 500 ? 502 : 400;
        if (refusal.status() >= 500) {
            log.warn("The gateway failed a page's call: {}", refusal.getMessage());
        }
        response.setStatus(status);
        model.addAttribute("status", status);
        model.addAttribute("message", status == 404 ? "There is no such page, or it is not yours." : refusal.explanation());
        return "problem";
    }

    @ExceptionHandler(ResourceAccessException.class)
    String gatewayUnreachable(ResourceAccessException failure, Model model, HttpServletResponse response) {
        log.warn("The gateway could not be reached: {}", failure.getMessage());
        response.setStatus(503);
        model.addAttribute("status", 503);
        model.addAttribute("message", "The shop cannot be reached right now. Please try again in a moment.");
        return "problem";
    }
}
