package io.orderflow.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderflow.cart.CartWorkflowImpl;
import io.orderflow.checkout.CheckoutWorkflowImpl;
import io.orderflow.customer.CustomerOrdersPageWorkflowImpl;
import io.orderflow.customer.CustomerOrdersWorkflowImpl;
import io.orderflow.stock.StockServiceConfiguration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkerRolesTest {

    @Test
    void stockRoleRegistersExactlyOneWorkerOnTheStockQueueWithTheStockActivitiesBean() {
        Map<String, Object> properties = WorkerRoles.parse("stock").defaultProperties();

        assertThat(properties)
                .containsEntry("spring.temporal.workers[0].task-queue", "stock")
                .containsEntry("spring.temporal.workers[0].activity-beans[0]", "stockActivities")
                .doesNotContainKey("spring.temporal.workers[1].task-queue")
                .doesNotContainKey("spring.temporal.workers[0].workflow-classes[0]")
                .doesNotContainKey("spring.autoconfigure.exclude");
        assertThat(WorkerRoles.parse("stock").serviceConfigurations()).containsExactly(StockServiceConfiguration.class);
    }

    @Test
    void checkoutRoleHostsTheSagaTheCartAndTheCustomerOrderListWithItsPagesAndNoDatabase() {
        WorkerRoles checkout = WorkerRoles.parse("checkout");

        assertThat(checkout.defaultProperties())
                .containsEntry("spring.temporal.workers[0].task-queue", "checkout")
                .containsEntry("spring.temporal.workers[0].workflow-classes[0]", CheckoutWorkflowImpl.class.getName())
                .containsEntry("spring.temporal.workers[0].workflow-classes[1]", CartWorkflowImpl.class.getName())
                .containsEntry("spring.temporal.workers[0].workflow-classes[2]", CustomerOrdersWorkflowImpl.class.getName())
                .containsEntry("spring.temporal.workers[0].workflow-classes[3]", CustomerOrdersPageWorkflowImpl.class.getName())
                .containsKey("spring.autoconfigure.exclude");
        assertThat(checkout.serviceConfigurations()).isEmpty();
        assertThat(checkout.defaultHttpPort()).isEqualTo(8084);
    }

    @Test
    void checkoutCombinesWithOneServiceRoleAndKeepsThatServicesDatabaseAndPort() {
        WorkerRoles roles = WorkerRoles.parse(" Checkout , payment ");

        assertThat(roles.defaultProperties())
                .containsEntry("spring.temporal.workers[0].task-queue", "checkout")
                .containsEntry("spring.temporal.workers[1].task-queue", "payment")
                .doesNotContainKey("spring.autoconfigure.exclude");
        assertThat(roles.profiles()).containsExactly("checkout", "payment");
        assertThat(roles.defaultHttpPort()).isEqualTo(8082);
    }

    @Test
    void refusesTwoDatabaseOwningRolesInOneProcess() {
        assertThatThrownBy(() -> WorkerRoles.parse("stock,payment"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("separate processes");
    }

    @Test
    void refusesAnUnknownOrMissingRoleWithTheAcceptedNames() {
        assertThatThrownBy(() -> WorkerRoles.parse("shipping"))
                .hasMessageContaining("checkout, stock, payment, delivery");
        assertThatThrownBy(() -> WorkerRoles.parse("  "))
                .hasMessageContaining("ORDERFLOW_WORKER_ROLES");
    }
}
