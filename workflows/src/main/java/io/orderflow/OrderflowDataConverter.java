package io.orderflow;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.orderflow.codec.AesGcmPayloadCodec;
import io.temporal.common.converter.CodecDataConverter;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.common.converter.JacksonJsonPayloadConverter;
import io.temporal.payload.codec.PayloadCodec;
import java.util.List;

/**
 * The data converter every client and worker of orderflow uses.
 *
 * <p>Why it is explicit: payloads outlive deployments. A workflow started by today's gateway may be
 * replayed by next month's worker. Records that cross a task queue may therefore gain fields, and
 * an old reader must not fail on a field it does not know ({@code FAIL_ON_UNKNOWN_PROPERTIES} off);
 * a new reader gets {@code null} for a field an old writer did not send. Times are ISO-8601 strings,
 * readable in the Temporal Web UI (through the codec server). Failures keep their types end to
 * end, including an update validator's rejection (see {@link UpdateRejectionDataConverter}), so
 * every worker must use it.
 *
 * <p>Every process builds it with {@link #create(PayloadCodec)} and the {@link AesGcmPayloadCodec}:
 * inputs, results, queries, updates, signals, memo and failure details are encrypted, and so are
 * failure messages and stack traces (a message can quote data). Search attributes are not: the
 * server must index them, so they hold no personal data.
 */
public final class OrderflowDataConverter {

    private OrderflowDataConverter() {
    }

    /** The converter of every process: JSON as above, then encrypted by {@code codec}. */
    public static DataConverter create(PayloadCodec codec) {
        return new UpdateRejectionDataConverter(new CodecDataConverter(json(), List.of(codec), true));
    }

    /**
     * The same converter without a codec: payloads are plaintext JSON. For tests and tools that
     * write or read histories from before encryption, never for a process talking to a server.
     */
    public static DataConverter create() {
        return new UpdateRejectionDataConverter(json());
    }

    public static ObjectMapper objectMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .registerModule(new Jdk8Module())
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                .configure(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, false);
    }

    private static DataConverter json() {
        return DefaultDataConverter.newDefaultInstance()
                .withPayloadConverterOverrides(new JacksonJsonPayloadConverter(objectMapper()));
    }
}
