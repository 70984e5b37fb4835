package io.orderflow.gateway.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderflow.gateway.problem.InvalidRequestException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Page tokens can be carried back, but not edited, reused for another listing, or lent to another caller. */
class PageTokensTest {

    private static final String KEY = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
    private static final byte[] TEMPORAL_TOKEN = "temporal-next-page".getBytes(StandardCharsets.UTF_8);
    private static final String ALICES_QUERY = OrderListing.query("alice", null);

    private final PageTokens tokens = new PageTokens(new PageTokens.Settings(KEY));

    @Test
    void aTokenComesBackToItsOwnListing() {
        String sealed = tokens.seal(TEMPORAL_TOKEN, ALICES_QUERY, "alice");

        assertThat(tokens.open(sealed, ALICES_QUERY, "alice")).isEqualTo(TEMPORAL_TOKEN);
    }

    @Test
    void anotherCallerCannotUseIt() {
        String sealed = tokens.seal(TEMPORAL_TOKEN, ALICES_QUERY, "alice");

        assertThatThrownBy(() -> tokens.open(sealed, ALICES_QUERY, "bob")).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void itCannotBeUsedForAnotherFilter() {
        String sealed = tokens.seal(TEMPORAL_TOKEN, ALICES_QUERY, "operator");

        assertThatThrownBy(() -> tokens.open(sealed, OrderListing.query("bob", null), "operator"))
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void anEditedTokenIsRejected() {
        byte[] bytes = Base64.getUrlDecoder().decode(tokens.seal(TEMPORAL_TOKEN, ALICES_QUERY, "alice"));
        bytes[bytes.length - 1] ^= 1;
        String edited = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);

        assertThatThrownBy(() -> tokens.open(edited, ALICES_QUERY, "alice")).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void aTokenFromAGatewayWithAnotherKeyIsRejected() {
        PageTokens otherKey = new PageTokens(new PageTokens.Settings(
                Base64.getEncoder().encodeToString("another-key-another-key-another!!".getBytes())));

        String foreign = otherKey.seal(TEMPORAL_TOKEN, ALICES_QUERY, "alice");

        assertThatThrownBy(() -> tokens.open(foreign, ALICES_QUERY, "alice")).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void garbageAndTruncatedTokensAreRejected() {
        for (String garbage : new String[] {"***", "", "c2hvcnQ", Base64.getUrlEncoder().encodeToString(TEMPORAL_TOKEN)}) {
            assertThatThrownBy(() -> tokens.open(garbage, ALICES_QUERY, "alice"))
                    .as(garbage).isInstanceOf(InvalidRequestException.class);
        }
    }
}
