package io.orderflow.gateway.problem;

import io.orderflow.problem.FieldProblem;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * An outcome the API reports as a problem on purpose (not a bug). Each feature throws its own
 * subclass; {@link ProblemHandler} renders them all the same way.
 */
public abstract class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final URI type;
    private final String title;

    protected ProblemException(HttpStatus status, URI type, String title, String detail) {
        this(status, type, title, detail, null);
    }

    protected ProblemException(HttpStatus status, URI type, String title, String detail, Throwable cause) {
        super(detail, cause);
        this.status = status;
        this.type = type;
        this.title = title;
    }

    public HttpStatus status() {
        return status;
    }

    public URI type() {
        return type;
    }

    public String title() {
        return title;
    }

    /** Field errors, for a {@code 400}; empty otherwise. */
    public List<FieldProblem> errors() {
        return List.of();
    }

    /** When the client may retry, for a {@code 503}; {@code null} otherwise. */
    public Duration retryAfter() {
        return null;
    }
}
