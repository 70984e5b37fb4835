package io.orderflow.gateway.problem;

import java.math.BigDecimal;
import java.util.function.Function;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * Request bodies are read as the OpenAPI document types them (JSON Schema), and nothing is guessed:
 * <ul>
 *   <li>an integer member takes a JSON number with no fractional part, written either way
 *       ({@code 5}, {@code 5.0}, {@code 5e0}): JSON Schema calls all of them integers. A fraction
 *       ({@code "priceCents": 5.5}, which Jackson would truncate to 5) or a number out of range is a
 *       {@code 400}, never rounded;</li>
 *   <li>a string, boolean or number where another type belongs ({@code "name": 123},
 *       {@code "quantity": "2"}) is a {@code 400}, never converted.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class StrictJson {

    @Bean
    JsonMapperBuilderCustomizer noGuessingInRequestBodies() {
        SimpleModule wholeNumbers = new SimpleModule("whole-numbers")
                .addDeserializer(Integer.class, new WholeNumber<>(Integer.class, BigDecimal::intValueExact))
                .addDeserializer(Long.class, new WholeNumber<>(Long.class, BigDecimal::longValueExact));
        return builder -> builder
                .addModule(wholeNumbers)
                .withCoercionConfig(LogicalType.Textual, text -> text
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Boolean, bool -> bool
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail));
    }

    /** A JSON number that is a whole number within the Java type's range; anything else is refused. */
    private static final class WholeNumber<T extends Number> extends StdScalarDeserializer<T> {

        private final Class<T> type;
        private final Function<BigDecimal, T> exact;

        WholeNumber(Class<T> type, Function<BigDecimal, T> exact) {
            super(type);
            this.type = type;
            this.exact = exact;
        }

        @Override
        public T deserialize(JsonParser parser, DeserializationContext context) {
            JsonToken token = parser.currentToken();
            if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT) {
                return type.cast(context.handleUnexpectedToken(type, parser));
            }
            BigDecimal value = parser.getDecimalValue();
            try {
                return exact.apply(value);
            } catch (ArithmeticException notWholeOrTooLarge) {
                return type.cast(context.handleWeirdNumberValue(type, value,
                        "not a whole number within the range of " + type.getSimpleName()));
            }
        }
    }
}
