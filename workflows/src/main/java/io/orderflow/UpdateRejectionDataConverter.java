package io.orderflow;

import io.temporal.api.common.v1.Payload;
import io.temporal.api.common.v1.Payloads;
import io.temporal.api.failure.v1.Failure;
import io.temporal.common.converter.DataConverter;
import io.temporal.internal.worker.WorkflowExecutionException;
import io.temporal.payload.context.SerializationContext;
import java.lang.reflect.Type;
import java.util.Optional;

/**
 * Temporal's data converter, plus one fix: an exception that already carries its converted
 * {@link Failure} is passed through unchanged.
 *
 * <p>Why: in SDK 1.38.0 an {@code ApplicationFailure} thrown by an update validator is converted
 * once, wrapped in the SDK's internal {@code WorkflowExecutionException}, and that wrapper is then
 * converted again. The default converter would report the wrapper's class name as the failure
 * type, so the caller of {@code cancel} would see that instead of {@code NOT_CANCELLABLE}. The fix
 * sits outside the payload codec on purpose: the carried failure has already been through the
 * codec (its message and details are encrypted), and encoding it a second time would replace the
 * encrypted message with the placeholder "Encoded failure". The SDK fixed this after 1.38.0
 * (temporalio/sdk-java#3001); with that fix the wrapper never reaches a converter and this class is
 * a plain delegate that can be deleted.
 */
final class UpdateRejectionDataConverter implements DataConverter {

    private final DataConverter delegate;

    UpdateRejectionDataConverter(DataConverter delegate) {
        this.delegate = delegate;
    }

    @Override
    public Failure exceptionToFailure(Throwable throwable) {
        if (throwable instanceof WorkflowExecutionException alreadyConverted) {
            return alreadyConverted.getFailure();
        }
        return delegate.exceptionToFailure(throwable);
    }

    @Override
    public RuntimeException failureToException(Failure failure) {
        return delegate.failureToException(failure);
    }

    @Override
    public <T> Optional<Payload> toPayload(T value) {
        return delegate.toPayload(value);
    }

    @Override
    public <T> T fromPayload(Payload payload, Class<T> valueClass, Type valueType) {
        return delegate.fromPayload(payload, valueClass, valueType);
    }

    @Override
    public Optional<Payloads> toPayloads(Object... values) {
        return delegate.toPayloads(values);
    }

    @Override
    public <T> T fromPayloads(int index, Optional<Payloads> content, Class<T> valueType, Type valueGenericType) {
        return delegate.fromPayloads(index, content, valueType, valueGenericType);
    }

    @Override
    public Object[] fromPayloads(Optional<Payloads> content, Class<?>[] parameterTypes, Type[] genericParameterTypes) {
        return delegate.fromPayloads(content, parameterTypes, genericParameterTypes);
    }

    @Override
    public DataConverter withContext(SerializationContext context) {
        return new UpdateRejectionDataConverter(delegate.withContext(context));
    }
}
