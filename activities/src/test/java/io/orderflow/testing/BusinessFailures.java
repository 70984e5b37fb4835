package io.orderflow.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.temporal.failure.ApplicationFailure;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Asserts the way activities report business failures: non-retryable, typed by a contract constant. */
public final class BusinessFailures {

    private BusinessFailures() {
    }

    public static ApplicationFailure assertRefusedWith(String type, ThrowingCallable call) {
        ApplicationFailure[] caught = new ApplicationFailure[1];
        assertThatThrownBy(call).isInstanceOfSatisfying(ApplicationFailure.class, failure -> {
            assertThat(failure.getType()).isEqualTo(type);
            assertThat(failure.isNonRetryable()).as("business failures are not retried").isTrue();
            caught[0] = failure;
        });
        return caught[0];
    }
}
