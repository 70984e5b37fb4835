package io.orderflow.gateway.security;

import io.orderflow.gateway.problem.ProblemException;
import io.orderflow.problem.ProblemTypes;
import org.springframework.http.HttpStatus;

/** The caller is known but may not do this (403). */
public class ForbiddenException extends ProblemException {

    public ForbiddenException(String detail) {
        super(HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN, "Forbidden", detail);
    }
}
