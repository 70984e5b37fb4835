package io.orderflow.gateway.openapi;

import io.orderflow.gateway.orders.DistinctSkus;
import io.orderflow.gateway.orders.IsoCountry;
import io.orderflow.gateway.products.NonZero;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import jakarta.validation.Constraint;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.PropertyCustomizer;
import org.springframework.stereotype.Component;

/**
 * Bean Validation rules of the request records that springdoc does not translate by itself, so the
 * document states exactly what the gateway enforces:
 * <ul>
 *   <li>{@code @NotBlank}: at least one character that is not white space in Java's sense
 *       ({@link String#isBlank()}, which Hibernate Validator uses), as a pattern ({@link #NOT_BLANK});</li>
 *   <li>{@code @IsoCountry}: the ISO 3166-1 alpha-2 codes the JDK knows, as an enum;</li>
 *   <li>{@code @DistinctSkus}: JSON Schema cannot say "unique by one member", so it is said in words;</li>
 *   <li>{@code @NonZero}: {@code not: {enum: [0]}};</li>
 *   <li>a constrained member without {@code @NotNull}, {@code @NotBlank} or {@code @NotEmpty} is
 *       optional, and an explicit {@code null} is read as "absent" and passes every other constraint,
 *       so its type also admits {@code null}.</li>
 * </ul>
 */
@Component
class RequestConstraints implements PropertyCustomizer, OpenApiCustomizer {

    /** A character class of everything {@link Character#isWhitespace} is not, found (and searched) by the pattern. */
    static final String NOT_BLANK = notWhitespace();

    @Override
    public Schema customize(Schema property, AnnotatedType type) {
        if (property == null || type.getCtxAnnotations() == null) {
            return property;
        }
        List<Annotation> annotations = Arrays.asList(type.getCtxAnnotations());
        if (has(annotations, NotBlank.class) && !has(annotations, Pattern.class) && property.getPattern() == null) {
            property.setPattern(NOT_BLANK);
            if (property.getMinLength() == null || property.getMinLength() < 1) {
                property.setMinLength(1);
            }
        }
        if (has(annotations, IsoCountry.class)) {
            List<String> countries = new ArrayList<>(Arrays.asList(Locale.getISOCountries()));
            countries.sort(null);
            property.setEnum(countries);
            property.setMinLength(null);
            property.setPattern(null);
            property.setDescription("ISO 3166-1 alpha-2 country code");
        }
        if (isConstrained(annotations) && !has(annotations, NotNull.class) && !has(annotations, NotBlank.class)
                && !has(annotations, NotEmpty.class)) {
            Set<String> types = property.getTypes() == null ? new LinkedHashSet<>() : new LinkedHashSet<>(property.getTypes());
            if (types.isEmpty() && property.getType() != null) {
                types.add(property.getType());
            }
            types.add("null");
            property.setTypes(types);
        }
        if (has(annotations, NonZero.class)) {
            Schema<Object> zero = new Schema<>();
            zero.addEnumItemObject(0);
            property.setNot(zero);
        }
        if (has(annotations, DistinctSkus.class)) {
            property.setDescription("Each SKU at most once (a second line with the same SKU is a 400)");
        }
        return property;
    }

    /**
     * springdoc applies {@code @Size} after the property customizer, so a {@code @NotBlank @Size(max = n)}
     * member ends up with {@code minLength: 0}; its pattern needs a character anyway, and the
     * document says so plainly too.
     */
    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getComponents() == null || openApi.getComponents().getSchemas() == null) {
            return;
        }
        openApi.getComponents().getSchemas().values().forEach(schema -> {
            if (schema.getProperties() != null) {
                ((Map<String, Schema>) schema.getProperties()).values().forEach(property -> {
                    if (NOT_BLANK.equals(property.getPattern())
                            && (property.getMinLength() == null || property.getMinLength() < 1)) {
                        property.setMinLength(1);
                    }
                });
            }
        });
    }

    private static boolean isConstrained(List<Annotation> annotations) {
        return annotations.stream().anyMatch(annotation -> annotation.annotationType().isAnnotationPresent(Constraint.class));
    }

    private static boolean has(List<Annotation> annotations, Class<? extends Annotation> type) {
        return annotations.stream().anyMatch(type::isInstance);
    }

    private static String notWhitespace() {
        StringBuilder excluded = new StringBuilder();
        int cp = 0;
        while (cp <= Character.MAX_CODE_POINT) {
            if (!Character.isWhitespace(cp)) {
                cp++;
                continue;
            }
            int first = cp;
            while (cp + 1 <= Character.MAX_CODE_POINT && Character.isWhitespace(cp + 1)) {
                cp++;
            }
            excluded.append(escape(first));
            if (cp > first) {
                excluded.append('-').append(escape(cp));
            }
            cp++;
        }
        return "[^" + excluded + "]";
    }

    private static String escape(int codePoint) {
        if (codePoint > 0xFFFF) {
            throw new IllegalStateException("white space outside the BMP cannot be spelled as \\uXXXX");
        }
        return String.format("\\u%04X", codePoint);
    }
}
