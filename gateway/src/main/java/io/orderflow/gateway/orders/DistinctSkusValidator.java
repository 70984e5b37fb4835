package io.orderflow.gateway.orders;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

public class DistinctSkusValidator implements ConstraintValidator<DistinctSkus, List<PlaceOrderRequest.Item>> {

    @Override
    public boolean isValid(List<PlaceOrderRequest.Item> items, ConstraintValidatorContext context) {
        if (items == null) {
            return true;
        }
        Set<String> seen = new HashSet<>();
        return items.stream()
                .filter(Objects::nonNull)
                .map(PlaceOrderRequest.Item::sku)
                .filter(Objects::nonNull)
                .allMatch(seen::add);
    }
}
