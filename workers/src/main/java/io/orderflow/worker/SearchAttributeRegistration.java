package io.orderflow.worker;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.orderflow.checkout.OrderSearchAttributes;
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
        AddSearchAttributesRequest.Builder request = AddSearchAttributesRequest.newBuilder().setNamespace(namespace);
        OrderSearchAttributes.ALL.forEach(key -> request.putSearchAttributes(key.getName(), key.getValueType()));
        try {
            operator.blockingStub().addSearchAttributes(request.build());
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
