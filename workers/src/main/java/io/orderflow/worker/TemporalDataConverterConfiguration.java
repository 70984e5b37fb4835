package io.orderflow.worker;

import io.orderflow.OrderflowDataConverter;
import io.orderflow.codec.AesGcmPayloadCodec;
import io.orderflow.worker.encryption.EncryptionProperties;
import io.temporal.common.converter.DataConverter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Workers read and write payloads with the same converter as the gateway (see
 * {@link OrderflowDataConverter}), encrypted with the configured keys.
 */
@Configuration(proxyBeanMethods = false)
class TemporalDataConverterConfiguration {

    /** The Temporal starter uses the bean named {@code mainDataConverter} for its client and workers. */
    @Bean
    DataConverter mainDataConverter(EncryptionProperties encryption) {
        return OrderflowDataConverter.create(new AesGcmPayloadCodec(encryption.keyRing()));
    }
}
