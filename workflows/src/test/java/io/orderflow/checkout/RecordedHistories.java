package io.orderflow.checkout;

import io.temporal.client.WorkflowClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The stored event histories of the saga's paths, one JSON file per path under
 * {@code src/test/resources/histories/}. They are written only when the build is run with
 * {@value #RECORD_PROPERTY}{@code =true} (see the module README), and replayed on every build.
 */
final class RecordedHistories {

    static final String RECORD_PROPERTY = "orderflow.recordHistories";
    static final String RESOURCE_FOLDER = "histories";
    /** Relative to the module directory, which is the working directory of Maven's test run. */
    private static final Path SOURCE_FOLDER = Path.of("src", "test", "resources", RESOURCE_FOLDER);

    private RecordedHistories() {
    }

    static boolean recording() {
        return Boolean.getBoolean(RECORD_PROPERTY);
    }

    /** Writes the workflow's history as {@code <path>.json} when recording; otherwise does nothing. */
    static void recordIfRequested(WorkflowClient client, String workflowId, String path) {
        if (!recording()) {
            return;
        }
        try {
            Files.createDirectories(SOURCE_FOLDER);
            Files.writeString(SOURCE_FOLDER.resolve(path + ".json"), client.fetchHistory(workflowId).toJson(true));
        } catch (IOException e) {
            throw new UncheckedIOException("could not record the history of " + path, e);
        }
    }

    /** Every recorded history on the test class path, sorted by name. */
    static List<Path> all() {
        URL folder = RecordedHistories.class.getClassLoader().getResource(RESOURCE_FOLDER);
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
