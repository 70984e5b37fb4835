package io.orderflow.worker;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.orderflow.checkout.OrderSearchAttributes;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.api.operatorservice.v1.AddSearchAttributesRequest;
import io.temporal.serviceclient.OperatorServiceStubs;
import io.temporal.serviceclient.OperatorServiceStubsOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;

/**
 * Registers the custom search attributes the checkout workflow upserts. A Temporal server refuses
 * unregistered ones, so this runs before any worker starts. Registering twice is harmless. The
 * embedded platform and tests call it; a real cluster registers them once with the Temporal CLI.
 */
public final class SearchAttributeRegistration {

    private SearchAttributeRegistration() {
    }

    public static void register(String target, String namespace) {
        WorkflowServiceStubs service = WorkflowServiceStubs.newServiceStubs(
                WorkflowServiceStubsOptions.newBuilder().setTarget(target).build());
        OperatorServiceStubs operator = OperatorServiceStubs.newServiceStubs(
                OperatorServiceStubsOptions.newBuilder().setChannel(service.getRawChannel()).validateAndBuildWithDefaults());
        try {
            operator.blockingStub().addSearchAttributes(AddSearchAttributesRequest.newBuilder()
                    .setNamespace(namespace)
                    .putSearchAttributes(OrderSearchAttributes.ORDER_STATUS.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD)
                    .putSearchAttributes(OrderSearchAttributes.CUSTOMER_ID.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD)
                    .putSearchAttributes(OrderSearchAttributes.ORDER_TOTAL_CENTS.getName(), IndexedValueType.INDEXED_VALUE_TYPE_INT)
                    .build());
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() != Status.Code.ALREADY_EXISTS) {
                throw e;
            }
        } finally {
            operator.shutdownNow();
            service.shutdownNow();
        }
    }
}
