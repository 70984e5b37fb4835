package io.orderflow.checkout;

import io.orderflow.OrderflowDataConverter;
import io.orderflow.codec.AesGcmPayloadCodec;
import io.orderflow.codec.EncryptionKeys;
import io.temporal.client.WorkflowClient;
import io.temporal.common.converter.DataConverter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The stored event histories of the saga's paths, one JSON file per path under
 * {@code src/test/resources/histories/}. They are written only when the build is run with
 * {@value #RECORD_PROPERTY}{@code =true} (see the module README), and replayed on every build.
 *
 * <p>The files directly in {@code histories/} were recorded before payload encryption: their
 * payloads are plaintext JSON, and they prove that orders started before encryption was switched
 * on still replay. New recordings go to {@code histories/encrypted/}, written through the
 * production converter with the fixed key ring stored beside them in
 * {@value #KEYS_FILE}; the replay reads both kinds with that one converter.
 */
final class RecordedHistories {

    static final String RECORD_PROPERTY = "orderflow.recordHistories";
    static final String RESOURCE_FOLDER = "histories";
    static final String ENCRYPTED_FOLDER = "encrypted";
    static final String KEYS_FILE = "encryption-keys.properties";
    /**
     * Where today's code records (encrypted, with the key ring of {@value #ENCRYPTED_FOLDER}/): one
     * folder per generation of the workflow, named after its newest version marker, so a new
     * recording never overwrites the histories that orders of an older build left behind.
     */
    static final String CURRENT_FOLDER = CheckoutWorkflowImpl.KEPT_FOR_EVER_CHANGE;
    /** Relative to the module directory, which is the working directory of Maven's test run. */
    private static final Path SOURCE_FOLDER = Path.of("src", "test", "resources", RESOURCE_FOLDER, CURRENT_FOLDER);

    private RecordedHistories() {
    }

    static boolean recording() {
        return Boolean.getBoolean(RECORD_PROPERTY);
    }

    /** Writes the workflow's history as {@code <current folder>/<path>.json} when recording; otherwise does nothing. */
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

    /** Every recorded history on the test class path, plaintext and encrypted, sorted by path. */
    static List<Path> all() {
        URL folder = RecordedHistories.class.getClassLoader().getResource(RESOURCE_FOLDER);
        if (folder == null) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(Path.of(folder.toURI()))) {
            return files.filter(file -> file.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the file was recorded with encryption, i.e. lies in a folder below {@code histories/}. */
    static boolean isEncrypted(Path file) {
        return !file.getParent().getFileName().toString().equals(RESOURCE_FOLDER);
    }

    /** Whether the file was recorded by today's code, i.e. lies in {@value #CURRENT_FOLDER}. */
    static boolean isCurrent(Path file) {
        return file.getParent().getFileName().toString().equals(CURRENT_FOLDER);
    }

    /** The path a file records: its name without {@code .json}. */
    static String path(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.length() - ".json".length());
    }

    /** The file's name, prefixed with its folder below {@code histories/} for an encrypted one. */
    static String name(Path file) {
        String name = file.getFileName().toString();
        return isEncrypted(file) ? file.getParent().getFileName() + "/" + name : name;
    }

    /** The key ring the encrypted histories were written with, read from {@value #KEYS_FILE}. */
    static EncryptionKeys keys() {
        String resource = RESOURCE_FOLDER + "/" + ENCRYPTED_FOLDER + "/" + KEYS_FILE;
        try (InputStream in = RecordedHistories.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            Properties properties = new Properties();
            properties.load(in);
            Map<String, String> keys = new TreeMap<>();
            properties.stringPropertyNames().stream()
                    .filter(name -> name.startsWith("keys."))
                    .forEach(name -> keys.put(name.substring("keys.".length()), properties.getProperty(name)));
            return EncryptionKeys.of(properties.getProperty("current-key-id"), keys);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The production converter with the recorded histories' key ring: reads plaintext and encrypted payloads alike. */
    static DataConverter converter() {
        return OrderflowDataConverter.create(new AesGcmPayloadCodec(keys()));
    }
}
