package io.orderflow.worker;

import io.orderflow.TaskQueues;
import io.orderflow.cart.CartWorkflowImpl;
import io.orderflow.checkout.CheckoutWorkflowImpl;
import io.orderflow.customer.CustomerOrdersPageWorkflowImpl;
import io.orderflow.customer.CustomerOrdersWorkflowImpl;
import io.orderflow.delivery.DeliveryServiceConfiguration;
import io.orderflow.payment.PaymentServiceConfiguration;
import io.orderflow.stock.StockServiceConfiguration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a worker process can be. Each role polls exactly one task queue; the three service roles
 * also own a database (and the stock role serves the catalog API).
 */
public enum WorkerRole {

    /** Hosts the workflows and, as the checkout's local activity, the configured {@code checkoutPolicy}. */
    CHECKOUT(TaskQueues.CHECKOUT, null, "checkoutPolicy", 8084),
    STOCK(TaskQueues.STOCK, StockServiceConfiguration.class, "stockActivities", 8081),
    PAYMENT(TaskQueues.PAYMENT, PaymentServiceConfiguration.class, "paymentActivities", 8082),
    DELIVERY(TaskQueues.DELIVERY, DeliveryServiceConfiguration.class, "deliveryActivities", 8083);

    /**
     * The workflow implementations the checkout role hosts (never Spring beans): the saga and the
     * entities beside it, with the sealed pages of the customers' order lists.
     */
    static final List<Class<?>> CHECKOUT_WORKFLOWS = List.of(CheckoutWorkflowImpl.class, CartWorkflowImpl.class,
            CustomerOrdersWorkflowImpl.class, CustomerOrdersPageWorkflowImpl.class);

    private final String taskQueue;
    private final Class<?> serviceConfiguration;
    private final String activityBean;
    private final int defaultHttpPort;

    WorkerRole(String taskQueue, Class<?> serviceConfiguration, String activityBean, int defaultHttpPort) {
        this.taskQueue = taskQueue;
        this.serviceConfiguration = serviceConfiguration;
        this.activityBean = activityBean;
        this.defaultHttpPort = defaultHttpPort;
    }

    public static WorkerRole parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown worker role '" + name.trim()
                    + "'; expected one of checkout, stock, payment, delivery", e);
        }
    }

    public String taskQueue() {
        return taskQueue;
    }

    /** The Spring configuration of the service this role runs; empty for the database-less checkout role. */
    public Optional<Class<?>> serviceConfiguration() {
        return Optional.ofNullable(serviceConfiguration);
    }

    public Optional<String> activityBean() {
        return Optional.ofNullable(activityBean);
    }

    public boolean ownsDatabase() {
        return serviceConfiguration != null;
    }

    public int defaultHttpPort() {
        return defaultHttpPort;
    }

    /** Spring profile with this role's settings ({@code worker-<role>.yml}). */
    public String profile() {
        return name().toLowerCase(Locale.ROOT);
    }
}
