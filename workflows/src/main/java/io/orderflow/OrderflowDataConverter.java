package io.orderflow;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.common.converter.JacksonJsonPayloadConverter;

/**
 * The payload converter every client and worker of orderflow uses.
 *
 * <p>Why it is explicit: payloads outlive deployments. A workflow started by today's gateway may be
 * replayed by next month's worker. Records that cross a task queue may therefore gain fields, and
 * an old reader must not fail on a field it does not know ({@code FAIL_ON_UNKNOWN_PROPERTIES} off);
 * a new reader gets {@code null} for a field an old writer did not send. Times are ISO-8601 strings,
 * readable in the Temporal Web UI. Failures keep their types end to end, including an update
 * validator's rejection (see {@link UpdateRejectionFailureConverter}), so every worker must use it.
 */
public final class OrderflowDataConverter {

    private OrderflowDataConverter() {
    }

    public static DataConverter create() {
        return DefaultDataConverter.newDefaultInstance()
                .withPayloadConverterOverrides(new JacksonJsonPayloadConverter(objectMapper()))
                .withFailureConverter(new UpdateRejectionFailureConverter());
    }

    public static ObjectMapper objectMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .registerModule(new Jdk8Module())
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                .configure(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, false);
    }
}
