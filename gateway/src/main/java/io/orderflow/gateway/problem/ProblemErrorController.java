package io.orderflow.gateway.problem;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URISyntaxException;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The servlet container's error page: what answers when an error is raised outside Spring MVC's
 * handlers, for instance Tomcat refusing a TRACE (405) or Spring Security's HTTP firewall refusing
 * a request (400). It replaces Spring Boot's default error page (a JSON of its own shape), so these
 * answers are RFC 9457 problems like every other error of the API. It never repeats what the
 * client sent, and never shows an exception.
 */
@Hidden
@RestController
public class ProblemErrorController implements ErrorController {

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        HttpStatus status = statusOf(request);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
                "The request could not be served: " + status.getReasonPhrase() + ".");
        problem.setType(ProblemHandler.typeFor(status.value()));
        problem.setTitle(status.getReasonPhrase());
        Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (path instanceof String uri) {
            try {
                problem.setInstance(new URI(uri));
            } catch (URISyntaxException notAUri) {
                // Left out: nothing a client sent is echoed unless it is a well-formed path.
            }
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static HttpStatus statusOf(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        return status == null || !status.isError() ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }
}
