package io.orderflow.stock;

import java.util.Arrays;
import java.util.List;

/**
 * An {@code If-Match} precondition (RFC 9110, section 13.1.1): {@code *}, or a list of entity tags
 * compared strongly, so a weak tag ({@code W/"…"}) never matches. A value that is neither simply
 * names no current version: it never matches.
 */
record IfMatch(boolean anyVersion, List<String> tags) {

    static IfMatch parse(String header) {
        if (header.strip().equals("*")) {
            return new IfMatch(true, List.of());
        }
        return new IfMatch(false, Arrays.stream(header.split(",")).map(String::strip).toList());
    }

    /** Whether the product, {@code null} when there is none, is in the state the client last saw. */
    boolean matches(Product current) {
        if (current == null) {
            return false;
        }
        return anyVersion || tags.contains(current.etag());
    }
}
