package io.orderflow.cart;

import io.orderflow.testing.TestEncryption;
import io.temporal.client.WorkflowClient;
import io.temporal.common.converter.DataConverter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The recorded histories of the entity workflows (carts and customers' order lists), one JSON file
 * per path under {@code src/test/resources/entity-histories/<workflow type>/}: written only with
 * {@value #RECORD_PROPERTY}{@code =true}, replayed on every build. Kept apart from the checkout's
 * {@code histories/}, which replay against the checkout workflow. Encrypted with the test-jar's
 * fixed key ({@link TestEncryption}), as in production.
 */
public final class EntityHistories {

    static final String RECORD_PROPERTY = "orderflow.recordHistories";
    static final String RESOURCE_FOLDER = "entity-histories";

    private EntityHistories() {
    }

    public static DataConverter converter() {
        return TestEncryption.converter();
    }

    /** Writes the workflow's history (every run of it) as {@code <type>/<path>.json} when recording. */
    public static void recordIfRequested(WorkflowClient client, String workflowType, String workflowId,
            String runId, String path) {
        if (!Boolean.getBoolean(RECORD_PROPERTY)) {
            return;
        }
        Path folder = Path.of("src", "test", "resources", RESOURCE_FOLDER, workflowType);
        try {
            Files.createDirectories(folder);
            Files.writeString(folder.resolve(path + ".json"), client.fetchHistory(workflowId, runId).toJson(true));
        } catch (IOException e) {
            throw new UncheckedIOException("could not record the history of " + path, e);
        }
    }

    /** Every recorded history of one workflow type on the test class path, sorted. */
    public static List<Path> of(String workflowType) {
        URL folder = EntityHistories.class.getClassLoader().getResource(RESOURCE_FOLDER + "/" + workflowType);
        if (folder == null) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
            return files.filter(file -> file.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
