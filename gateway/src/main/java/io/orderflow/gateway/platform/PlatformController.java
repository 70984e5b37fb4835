package io.orderflow.gateway.platform;

import io.orderflow.gateway.openapi.CallsUpstream;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** What operators watch: the platform's load (the operator console draws it). Operators only. */
@RestController
@RequestMapping(path = "/api/v1/platform", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "platform", description = "The platform's load, for operators")
@CallsUpstream("The order service (Temporal)")
public class PlatformController {

    private final PlatformLoadReader reader;

    PlatformController(PlatformLoadReader reader) {
        this.reader = reader;
    }

    @GetMapping("/load")
    @SecurityRequirement(name = "oauth2", scopes = "orders:admin")
    @Operation(summary = "The platform's load", description = "For each task queue (checkout, stock, payment, "
            + "delivery) the workers polling it and its backlog, and the orders that ended in each recent minute, "
            + "as Temporal reports them. A number this Temporal server cannot report is null (the embedded "
            + "platform's in-process server reports none of them).")
    @ApiResponse(responseCode = "200", description = "The load")
    public PlatformLoad load() {
        return reader.read();
    }
}
