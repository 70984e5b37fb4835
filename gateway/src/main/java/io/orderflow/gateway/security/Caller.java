package io.orderflow.gateway.security;

import java.util.Set;

/**
 * Who is calling: the token's subject (the customer id) and its scopes. The one place that says
 * whose orders a caller may see and for whom it may act.
 */
public record Caller(String subject, Set<String> scopes) {

    public boolean isOperator() {
        return scopes.contains(Scopes.ORDERS_ADMIN);
    }

    /** Operators act for anyone; a customer only for themselves. */
    public boolean mayActFor(String customerId) {
        return isOperator() || subject.equals(customerId);
    }

    /**
     * The customer a request is about: the caller themself unless they name someone else, which
     * only an operator may do.
     *
     * @throws ForbiddenException when a customer names another customer
     */
    public String customerFor(String namedCustomerId) {
        if (namedCustomerId == null || namedCustomerId.equals(subject)) {
            return subject;
        }
        if (!isOperator()) {
            throw new ForbiddenException("customerId must be your own (" + Scopes.ORDERS_ADMIN
                    + " is needed to act for another customer).");
        }
        return namedCustomerId;
    }
}
