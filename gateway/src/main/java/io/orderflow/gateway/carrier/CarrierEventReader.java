package io.orderflow.gateway.carrier;

import io.orderflow.checkout.CarrierEvent;
import io.orderflow.problem.FieldProblem;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a verified body as a {@link CarrierEventRequest}, with the gateway's own (strict) JSON
 * settings and the record's constraints: the webhook reads the raw bytes itself, because the
 * signature covers exactly those bytes, so Spring's body binding is not in the way.
 */
@Component
class CarrierEventReader {

    private final JsonMapper json;
    private final Validator validator;

    CarrierEventReader(JsonMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
    }

    CarrierEventRequest read(byte[] body) {
        CarrierEventRequest event;
        try {
            event = json.readValue(body, CarrierEventRequest.class);
        } catch (JacksonException unreadable) {
            throw new InvalidCarrierEventException(List.of(new FieldProblem("body",
                    "must be a JSON object with eventId, trackingNumber, reference, type and at")));
        }
        if (event == null) {
            throw new InvalidCarrierEventException(List.of(new FieldProblem("body", "must not be empty")));
        }
        List<FieldProblem> errors = validator.validate(event).stream()
                .map(violation -> new FieldProblem(violation.getPropertyPath().toString(), violation.getMessage()))
                .sorted(Comparator.comparing(FieldProblem::field))
                .toList();
        if (!errors.isEmpty()) {
            throw new InvalidCarrierEventException(errors);
        }
        return event;
    }

    static CarrierEvent toEvent(CarrierEventRequest request) {
        return new CarrierEvent(request.eventId(), request.trackingNumber(), request.type(), request.at());
    }
}
