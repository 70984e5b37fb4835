package io.orderflow.testing;

import java.util.List;

/**
 * Text a person may type that a latin1 or 3-byte "utf8" column cannot hold, or would change: each
 * must come back exactly as sent, code unit for code unit.
 */
public final class UnicodeText {

    public static final String JAPANESE = "マグカップ";
    /** A 4-byte character (U+1F338), outside the Basic Multilingual Plane. */
    public static final String EMOJI = "Mug \uD83C\uDF38";
    /** "Café" spelled with a combining acute accent (U+0301): it must not come back normalised to U+00E9. */
    public static final String COMBINING = "Cafe\u0301";

    public static final List<String> SAMPLES = List.of(JAPANESE, EMOJI, COMBINING);

    private UnicodeText() {
    }
}
