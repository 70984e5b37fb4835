package io.orderflow.gateway.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * What the response bodies really look like: the JSON writer includes every member of a response
 * record, so each is required; a member is {@code null} where the value is not known (yet), so each
 * is nullable except the ones listed here as always set. The records live in the workflows module,
 * which knows nothing of OpenAPI; this table is their documentation, and a member the table names
 * that the record lacks fails the document (and the tests) rather than drifting silently.
 */
@Component
class ResponseShapes implements OpenApiCustomizer {

    /** Response schemas, each with the members that are never null. */
    private static final Map<String, Set<String>> NEVER_NULL = Map.ofEntries(
            Map.entry("OrderView", Set.of("orderId", "customerId", "status", "items", "timeline")),
            Map.entry("OrderItemView", Set.of("sku", "quantity")),
            Map.entry("OrderFailure", Set.of("code", "step")),
            Map.entry("Attention", Set.of("reason", "step", "since")),
            Map.entry("TimelineEntry", Set.of("status", "at")),
            Map.entry("OrderPage", Set.of("orders")),
            Map.entry("OrderSummary", Set.of("orderId", "startedAt")),
            Map.entry("ProductList", Set.of("products")),
            Map.entry("Product", Set.of("sku", "name", "priceCents", "currency", "available", "warehouses", "etag")),
            Map.entry("WarehouseStock", Set.of("warehouse", "available")),
            Map.entry("Cart", Set.of("cartId", "customerId", "status", "lines", "expiresAt")),
            Map.entry("PricedCartLine", Set.of("sku", "name", "quantity", "unitPriceCents")),
            Map.entry("PlatformLoad", Set.of("at", "taskQueues")),
            Map.entry("TaskQueueLoad", Set.of("name")),
            Map.entry("CompletionCount", Set.of("from", "to", "completed", "failed")));

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getComponents() == null || openApi.getComponents().getSchemas() == null) {
            return;
        }
        Map<String, Schema> schemas = openApi.getComponents().getSchemas();
        NEVER_NULL.forEach((name, neverNull) -> {
            Schema<?> schema = schemas.get(name);
            if (schema == null || schema.getProperties() == null) {
                return;
            }
            Map<String, Schema> properties = schema.getProperties();
            if (!properties.keySet().containsAll(neverNull)) {
                throw new IllegalStateException("The response schema " + name + " has no member(s) "
                        + neverNull.stream().filter(member -> !properties.containsKey(member)).toList()
                        + "; update " + ResponseShapes.class.getSimpleName());
            }
            schema.setRequired(new ArrayList<>(properties.keySet()));
            properties.replaceAll((member, property) -> neverNull.contains(member) ? property : nullable(property));
        });
    }

    private static Schema nullable(Schema<?> property) {
        if (property.get$ref() != null) {
            return new Schema<>().anyOf(List.of(property, nullSchema()));
        }
        if (property.getAnyOf() != null) {
            return property;
        }
        Set<String> types = property.getTypes() == null ? new LinkedHashSet<>() : new LinkedHashSet<>(property.getTypes());
        if (types.isEmpty() && property.getType() != null) {
            types.add(property.getType());
        }
        types.add("null");
        property.setTypes(types);
        if (property.getEnum() != null && !property.getEnum().contains(null)) {
            ((Schema<Object>) property).addEnumItemObject(null);
        }
        return property;
    }

    private static Schema<?> nullSchema() {
        Schema<?> nothing = new Schema<>();
        nothing.addType("null");
        return nothing;
    }
}
