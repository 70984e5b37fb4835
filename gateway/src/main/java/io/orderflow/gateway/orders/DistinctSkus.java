package io.orderflow.gateway.orders;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Order items name each SKU at most once (quantities are summed by the client, not guessed by us). */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = DistinctSkusValidator.class)
public @interface DistinctSkus {

    String message() default "must name each SKU at most once";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
