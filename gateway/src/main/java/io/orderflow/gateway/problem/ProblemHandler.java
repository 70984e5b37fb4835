package io.orderflow.gateway.problem;

import io.orderflow.gateway.requestsize.PayloadTooLargeException;
import io.orderflow.problem.FieldProblem;
import io.orderflow.problem.ProblemTypes;
import io.orderflow.gateway.GatewayProperties;
import io.orderflow.gateway.temporal.TemporalErrors;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every failure into RFC 9457 {@code application/problem+json}. Spring MVC's own exceptions
 * (404, 405, 415, unreadable body…) get a stable {@code type}; nothing ever carries a stack trace,
 * and an unexpected exception is logged here and answered with a bare {@code 500}.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    private static final Map<Integer, URI> TYPES_BY_STATUS = Map.of(
            400, ProblemTypes.MALFORMED_REQUEST,
            404, ProblemTypes.NOT_FOUND,
            405, ProblemTypes.METHOD_NOT_ALLOWED,
            406, ProblemTypes.NOT_ACCEPTABLE,
            413, ProblemTypes.PAYLOAD_TOO_LARGE,
            415, ProblemTypes.UNSUPPORTED_MEDIA_TYPE,
            501, ProblemTypes.NOT_IMPLEMENTED);

    private final Duration temporalRetryAfter;

    public ProblemHandler(GatewayProperties properties) {
        this.temporalRetryAfter = properties.temporal().retryAfter();
    }

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<ProblemDetail> handleProblem(ProblemException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(ex.status(), ex.getMessage());
        problem.setType(ex.type());
        problem.setTitle(ex.title());
        if (!ex.errors().isEmpty()) {
            problem.setProperty("errors", ex.errors());
        }
        return respond(problem, ex.retryAfter());
    }

    /**
     * No token, or one that is expired, wrongly signed or from another issuer. The
     * {@code WWW-Authenticate} header is already set by the security filter chain's entry point.
     */
    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<ProblemDetail> handleUnauthenticated(AuthenticationException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
                "A valid bearer token from the configured issuer is required.");
        problem.setType(ProblemTypes.UNAUTHORIZED);
        problem.setTitle("Unauthorized");
        return respond(problem, null);
    }

    /** A valid token that lacks the scope this endpoint needs. */
    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> handleAccessDenied(AccessDeniedException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
                "Your token does not carry the scope this operation needs.");
        problem.setType(ProblemTypes.FORBIDDEN);
        problem.setTitle("Forbidden");
        return respond(problem, null);
    }

    /**
     * A query string the servlet container cannot parse (a parameter without a name, a broken
     * percent-encoding): the client's mistake, so a 400 like any other malformed request.
     */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<ProblemDetail> handleMalformedQuery(InvalidParameterException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The query string is not well-formed.");
        problem.setType(ProblemTypes.MALFORMED_REQUEST);
        problem.setTitle("Malformed request");
        return respond(problem, null);
    }

    /** Last resort. Temporal being unreachable is the one expected case; anything else is our bug. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> handleUnexpected(Exception ex) {
        if (TemporalErrors.isUnavailable(ex)) {
            log.warn("Temporal unavailable: {}", ex.toString());
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                    "The order service (Temporal) cannot be reached right now; retry later.");
            problem.setType(ProblemTypes.TEMPORAL_UNAVAILABLE);
            problem.setTitle("Temporal unavailable");
            return respond(problem, temporalRetryAfter);
        }
        log.error("Unexpected failure", ex);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "An unexpected error occurred; it has been logged.");
        problem.setType(ProblemTypes.INTERNAL);
        problem.setTitle("Internal error");
        return respond(problem, null);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldProblem(error.getField(), error.getDefaultMessage()))
                .toList();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The request has " + errors.size() + " invalid field(s).");
        problem.setType(ProblemTypes.VALIDATION);
        problem.setTitle("Invalid request");
        problem.setProperty("errors", errors);
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (causedBy(ex, PayloadTooLargeException.class)) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
                    ex.getMostSpecificCause().getMessage());
            problem.setTitle("Payload too large");
            return handleExceptionInternal(ex, problem, headers, HttpStatus.CONTENT_TOO_LARGE, request);
        }
        // The parser's own message may quote the input back; a fixed sentence is enough for a client.
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The request body is missing or is not well-formed JSON of the expected shape.");
        problem.setTitle("Malformed request body");
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String field = ex.getPropertyName() == null ? "parameter" : ex.getPropertyName();
        String message = "must be a valid " + (ex.getRequiredType() == null
                ? "value" : ex.getRequiredType().getSimpleName().toLowerCase());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, field + ": " + message);
        problem.setType(ProblemTypes.VALIDATION);
        problem.setTitle("Invalid request");
        problem.setProperty("errors", List.of(new FieldProblem(field, message)));
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    /** Gives Spring MVC's own problems a stable type instead of {@code about:blank}. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem
                && (problem.getType() == null || "about:blank".equals(problem.getType().toString()))) {
            problem.setType(typeFor(statusCode.value()));
        }
        return response;
    }

    /** The stable type of a problem raised by Spring MVC or the servlet container for this status. */
    static URI typeFor(int status) {
        return TYPES_BY_STATUS.getOrDefault(status, ProblemTypes.INTERNAL);
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem, Duration retryAfter) {
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (retryAfter != null) {
            builder.header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())));
        }
        return builder.body(problem);
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
