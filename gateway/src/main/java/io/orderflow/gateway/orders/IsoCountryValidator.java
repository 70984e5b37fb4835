package io.orderflow.gateway.orders;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.Locale;
import java.util.Set;

/** Checks against the JDK's list of ISO 3166-1 alpha-2 codes rather than a hand-kept copy. */
public class IsoCountryValidator implements ConstraintValidator<IsoCountry, String> {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        return value == null || COUNTRIES.contains(value);
    }
}
