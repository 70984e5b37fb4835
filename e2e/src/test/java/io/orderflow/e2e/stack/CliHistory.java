package io.orderflow.e2e.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** Reads what {@code temporal workflow show --output json} prints: a workflow's history as JSON. */
final class CliHistory {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CliHistory() {
    }

    /**
     * The data of every payload in the history, as text: plaintext JSON when the CLI decoded it
     * through the codec server, ciphertext when it did not.
     */
    static List<String> payloadTexts(String cliOutput) {
        List<String> texts = new ArrayList<>();
        try {
            collect(JSON.readTree(cliOutput.substring(cliOutput.indexOf('{'))), texts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return texts;
    }

    private static void collect(JsonNode node, List<String> texts) {
        if (node.isObject() && node.has("metadata") && node.path("data").isTextual()) {
            texts.add(new String(Base64.getDecoder().decode(node.path("data").asText()), StandardCharsets.UTF_8));
        }
        node.forEach(child -> collect(child, texts));
    }
}
