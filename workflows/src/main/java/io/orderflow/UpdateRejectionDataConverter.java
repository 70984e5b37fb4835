package io.orderflow;

import io.temporal.api.failure.v1.Failure;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.converter.FailureConverter;
import io.temporal.failure.DefaultFailureConverter;
import io.temporal.internal.worker.WorkflowExecutionException;
import io.temporal.payload.context.SerializationContext;

/**
 * Temporal's failure converter, plus one fix: an exception that already carries its converted
 * {@link Failure} is passed through unchanged.
 *
 * <p>Why: in SDK 1.38.0 an {@code ApplicationFailure} thrown by an update validator reaches the
 * converter wrapped in the SDK's internal {@code WorkflowExecutionException}, and the default
 * converter then reports the wrapper's class name as the failure type. The caller of
 * {@code cancel} would see that instead of {@code NOT_CANCELLABLE}. The SDK fixed this after 1.38.0
 * (temporalio/sdk-java#3001); with that fix the wrapper never reaches a converter and this class is
 * a plain delegate that can be deleted.
 */
final class UpdateRejectionFailureConverter implements FailureConverter {

    private final FailureConverter delegate;

    UpdateRejectionFailureConverter() {
        this(new DefaultFailureConverter());
    }

    private UpdateRejectionFailureConverter(FailureConverter delegate) {
        this.delegate = delegate;
    }

    @Override
    public RuntimeException failureToException(Failure failure, DataConverter dataConverter) {
        return delegate.failureToException(failure, dataConverter);
    }

    @Override
    public Failure exceptionToFailure(Throwable throwable, DataConverter dataConverter) {
        if (throwable instanceof WorkflowExecutionException alreadyConverted) {
            return alreadyConverted.getFailure();
        }
        return delegate.exceptionToFailure(throwable, dataConverter);
    }

    @Override
    public FailureConverter withContext(SerializationContext context) {
        return new UpdateRejectionFailureConverter(delegate.withContext(context));
    }
}
