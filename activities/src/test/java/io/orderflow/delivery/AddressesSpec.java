package io.orderflow.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.checkout.OrderLine;
import io.orderflow.checkout.ShippingAddress;
import io.orderflow.testing.UnicodeText;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A parcel to an address written in any script is booked, and of the address the delivery service
 * keeps the country alone, exactly: no name, street or city of a customer lies in its database,
 * in any table (subclasses pick the database).
 */
abstract class AddressesSpec {

    static final List<String> TEXTS = UnicodeText.SAMPLES;

    @Autowired
    @Qualifier("deliveryActivities")
    DeliveryActivities delivery;

    @Autowired
    JdbcTemplate jdbc;

    @ParameterizedTest
    @FieldSource("TEXTS")
    void aParcelToAnAddressInAnyScriptIsBookedAndOnlyItsCountryIsKept(String text) {
        String orderId = "order-" + UUID.randomUUID();
        ShippingAddress address = new ShippingAddress(text, text + " 1-2-3", text, "100-0001", "GB");

        Shipment shipment = delivery.schedule(new ShipmentRequest(orderId, address, List.of(new OrderLine("MUG-RED", 1))));

        assertThat(shipment.orderId()).isEqualTo(orderId);
        assertThat(jdbc.queryForObject("SELECT country FROM shipment WHERE order_id = ?", String.class, orderId))
                .isEqualTo("GB");
        assertThat(jdbc.queryForObject("SELECT country FROM sim_carrier_booking WHERE idempotency_key = ?",
                String.class, orderId)).isEqualTo("GB");
        assertThat(tablesHolding(text)).as("tables holding a part of the address").isEmpty();
    }

    /** Every text column of every table of the service, searched for the text. */
    private List<String> tablesHolding(String text) {
        List<String> columns = jdbc.queryForList("""
                SELECT CONCAT(table_name, '.', column_name) FROM information_schema.columns
                WHERE table_schema = SCHEMA() AND LOWER(table_name) <> 'flyway_schema_history'
                  AND LOWER(data_type) IN ('varchar', 'char', 'text', 'character varying', 'character')""",
                String.class);
        assertThat(columns).as("the delivery service's text columns").contains("shipment.country");
        return columns.stream().filter(column -> {
            String[] parts = column.split("\\.");
            return jdbc.queryForObject("SELECT COUNT(*) FROM " + parts[0] + " WHERE " + parts[1] + " LIKE ?",
                    Integer.class, "%" + text + "%") > 0;
        }).toList();
    }
}
