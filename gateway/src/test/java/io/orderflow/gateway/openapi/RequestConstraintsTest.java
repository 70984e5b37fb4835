package io.orderflow.gateway.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The pattern the OpenAPI document gives {@code @NotBlank} members means what Hibernate Validator
 * checks ({@link String#isBlank()}): a one-character string matches it exactly when that character
 * is not white space in Java's sense.
 */
class RequestConstraintsTest {

    @Test
    void theNotBlankPatternAgreesWithStringIsBlankForEveryCharacter() {
        Pattern notBlank = Pattern.compile(RequestConstraints.NOT_BLANK);

        for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
            if (Character.isSurrogate((char) codePoint) && codePoint <= 0xFFFF) {
                continue;
            }
            String text = Character.toString(codePoint);
            assertThat(notBlank.matcher(text).find()).as("U+%04X", codePoint).isEqualTo(!text.isBlank());
        }
    }

    @Test
    void aStringIsValidWhenItHasOneCharacterThatIsNotWhiteSpace() {
        Pattern notBlank = Pattern.compile(RequestConstraints.NOT_BLANK);

        assertThat(notBlank.matcher(" \t\u2003Ada\n").find()).isTrue();
        assertThat(notBlank.matcher(" \t\u2003\u3000\n").find()).isFalse();
        assertThat(notBlank.matcher("\u00A0").find()).as("a no-break space is not white space to Java").isTrue();
    }
}
