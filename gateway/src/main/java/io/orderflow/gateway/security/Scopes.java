package io.orderflow.gateway.security;

/** The OAuth2 scopes of the REST contract, and the authorities Spring Security derives from them. */
public final class Scopes {

    public static final String ORDERS_READ = "orders:read";
    public static final String ORDERS_WRITE = "orders:write";
    /** Operators: read, cancel and list any order, on behalf of any customer. */
    public static final String ORDERS_ADMIN = "orders:admin";
    public static final String CATALOG_WRITE = "catalog:write";

    private Scopes() {
    }

    /** The authority a token with this scope carries ({@code SCOPE_} prefix, Spring Security's default). */
    public static String authority(String scope) {
        return "SCOPE_" + scope;
    }
}
