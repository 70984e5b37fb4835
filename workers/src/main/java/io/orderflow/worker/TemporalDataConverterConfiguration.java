package io.orderflow.worker;

import io.orderflow.OrderflowDataConverter;
import io.temporal.common.converter.DataConverter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Workers read and write payloads with the same converter as the gateway (see {@link OrderflowDataConverter}). */
@Configuration(proxyBeanMethods = false)
class TemporalDataConverterConfiguration {

    /** The Temporal starter uses the bean named {@code mainDataConverter} for its client and workers. */
    @Bean
    DataConverter mainDataConverter() {
        return OrderflowDataConverter.create();
    }
}
