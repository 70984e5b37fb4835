package io.orderflow.delivery;

import io.orderflow.checkout.CarrierEventType;
import java.util.List;
import java.util.Locale;

/**
 * The simulated carrier's fixed scenarios, chosen by a word in the shipping address's first line:
 * the delivery worker's simulated carrier and the workflow tests' fake carrier both follow them, so
 * a test address means the same thing everywhere.
 */
public final class CarrierScenarios {

    /** In the first address line: the parcel gets lost after pick-up. */
    public static final String LOSE_ME = "LOSE-ME";
    /** In the first address line: the parcel comes back after pick-up. */
    public static final String RETURN_ME = "RETURN-ME";
    /** In the first address line: nothing is heard after pick-up (the delivery goes overdue). */
    public static final String NEVER_ARRIVES = "NEVER-ARRIVES";

    private CarrierScenarios() {
    }

    /** What the carrier reports for a parcel to this first address line, in order. */
    public static List<CarrierEventType> eventsFor(String line1) {
        String line = line1 == null ? "" : line1.toUpperCase(Locale.ROOT);
        if (line.contains(NEVER_ARRIVES)) {
            return List.of(CarrierEventType.PICKED_UP);
        }
        if (line.contains(LOSE_ME)) {
            return List.of(CarrierEventType.PICKED_UP, CarrierEventType.LOST);
        }
        if (line.contains(RETURN_ME)) {
            return List.of(CarrierEventType.PICKED_UP, CarrierEventType.RETURNED);
        }
        return List.of(CarrierEventType.PICKED_UP, CarrierEventType.DELIVERED);
    }
}
