package io.orderflow.web.gateway;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.client.ClientHttpResponse;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway answered with an error: its status and RFC 9457 problem details. Pages switch on the
 * status (404: not found, or not yours; 409: too late; 501: not available here) and may show the
 * {@code detail}, which the gateway words for people and never fills with what the client sent.
 */
public class GatewayException extends RuntimeException {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final HttpStatusCode status;
    private final ProblemDetail problem;

    GatewayException(HttpStatusCode status, ProblemDetail problem) {
        super("The gateway answered " + status.value() + ": " + problem.getDetail());
        this.status = status;
        this.problem = problem;
    }

    static GatewayException from(ClientHttpResponse response) throws IOException {
        HttpStatusCode status = response.getStatusCode();
        ProblemDetail problem;
        try {
            problem = JSON.readValue(response.getBody(), ProblemDetail.class);
        } catch (JacksonException notAProblem) {
            problem = ProblemDetail.forStatus(status);
        }
        if (problem.getDetail() == null) {
            problem.setDetail(status.toString());
        }
        return new GatewayException(status, problem);
    }

    public int status() {
        return status.value();
    }

    public boolean is(int code) {
        return status.value() == code;
    }

    /** The problem's type ends with this stable name, e.g. {@code unknown-sku}. */
    public boolean isType(String name) {
        URI type = problem.getType();
        return type != null && type.toString().endsWith("/" + name);
    }

    /** The gateway's explanation for people. */
    public String detail() {
        return problem.getDetail();
    }

    /** For a 400 about input: "field: message" for each offending field. */
    public List<String> fieldErrors() {
        Map<String, Object> properties = problem.getProperties();
        if (properties == null || !(properties.get("errors") instanceof List<?> errors)) {
            return List.of();
        }
        return errors.stream()
                .filter(Map.class::isInstance)
                .map(error -> ((Map<?, ?>) error).get("field") + ": " + ((Map<?, ?>) error).get("message"))
                .toList();
    }

    /** What to tell the person: the detail, and the fields at fault if any. */
    public String explanation() {
        List<String> fields = fieldErrors();
        return fields.isEmpty() ? detail() : detail() + " (" + String.join("; ", fields) + ")";
    }
}
