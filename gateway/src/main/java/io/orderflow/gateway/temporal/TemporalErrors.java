package io.orderflow.gateway.temporal;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.Optional;

/** Reads the gRPC status buried in a Temporal client exception. */
public final class TemporalErrors {

    private TemporalErrors() {
    }

    /**
     * The service could not be reached, did not answer in time, or is shedding load
     * ({@code RESOURCE_EXHAUSTED}, e.g. a namespace rate limit): the client should retry later.
     */
    public static boolean isUnavailable(Throwable failure) {
        return status(failure)
                .map(code -> code == Status.Code.UNAVAILABLE || code == Status.Code.DEADLINE_EXCEEDED
                        || code == Status.Code.RESOURCE_EXHAUSTED)
                .orElse(false);
    }

    public static boolean is(Throwable failure, Status.Code code) {
        return status(failure).map(found -> found == code).orElse(false);
    }

    public static Optional<Status.Code> status(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof StatusRuntimeException grpc) {
                return Optional.of(grpc.getStatus().getCode());
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return Optional.empty();
    }
}
