package io.orderflow.gateway.openapi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller (or one of its methods) whose operations call a service behind the gateway,
 * so they can answer {@code 503} with {@code Retry-After} when it is down or overloaded.
 * {@link ProblemResponses} declares that response for them in the OpenAPI document.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface CallsUpstream {

    /** The service, as a client would name it: "the order service (Temporal)". */
    String value();
}
