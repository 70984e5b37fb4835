package io.orderflow.web.console;

import io.orderflow.web.WebProperties;
import io.orderflow.web.gateway.GatewayCapabilities;
import io.orderflow.web.gateway.GatewayException;
import io.orderflow.web.orders.OrderSearch;
import io.orderflow.web.orders.OrderView;
import io.orderflow.web.orders.OrdersClient;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The operator's orders: search by status and customer (and needs-attention, where the gateway
 * offers that filter), and each order's story: its timeline, failure or attention, the actions an
 * operator has, and a link to its workflow in the Temporal Web UI.
 */
@Controller
class ConsoleOrdersController {

    static final List<String> STATUSES = List.of("RECEIVED", "RESERVING_STOCK", "CHARGING_PAYMENT",
            "SCHEDULING_DELIVERY", "SHIPPING", "COMPENSATING", "COMPLETED", "FAILED", "CANCELLED");
    static final List<String> OUTCOMES = List.of("DELIVERED", "LOST", "RETURNED");
    private static final String RESOLVE = "/api/v1/orders/{orderId}/resolve";
    private static final String RETRY = "/api/v1/orders/{orderId}/retry-compensation";

    private final OrdersClient orders;
    private final OperatorActions actions;
    private final GatewayCapabilities gateway;
    private final WebProperties web;

    ConsoleOrdersController(OrdersClient orders, OperatorActions actions, GatewayCapabilities gateway,
            WebProperties web) {
        this.orders = orders;
        this.actions = actions;
        this.gateway = gateway;
        this.web = web;
    }

    @GetMapping("/console")
    String console() {
        return "redirect:/console/orders";
    }

    @GetMapping("/console/orders")
    String search(@ModelAttribute("search") OrderSearch search, Model model) {
        boolean attentionFilter = gateway.listsOrdersBy("needsAttention");
        model.addAttribute("statuses", STATUSES);
        model.addAttribute("attentionFilter", attentionFilter);
        OrderSearch sent = attentionFilter ? search
                : new OrderSearch(search.customerId(), search.status(), null, search.pageToken());
        try {
            model.addAttribute("page", orders.list(sent));
        } catch (GatewayException refusal) {
            if (!refusal.is(501) && !refusal.is(400)) {
                throw refusal;
            }
            model.addAttribute("searchProblem", refusal.explanation());
        }
        return "console/orders";
    }

    @GetMapping("/console/orders/{orderId}")
    String story(@PathVariable String orderId, Model model) {
        show(orders.order(orderId), model);
        return "console/order";
    }

    @GetMapping("/console/orders/{orderId}/live")
    String live(@PathVariable String orderId, Model model) {
        show(orders.order(orderId), model);
        return "order :: live";
    }

    @PostMapping("/console/orders/{orderId}/cancel")
    String cancel(@PathVariable String orderId, @RequestParam(defaultValue = "") String reason,
            RedirectAttributes flash) {
        act(flash, "Cancel requested.", () -> orders.cancel(orderId,
                StringUtils.hasText(reason) ? reason.strip() : "cancelled by an operator"));
        return "redirect:/console/orders/" + orderId;
    }

    @PostMapping("/console/orders/{orderId}/resolve")
    String resolve(@PathVariable String orderId, @RequestParam String outcome,
            @RequestParam(defaultValue = "") String note, RedirectAttributes flash) {
        act(flash, "Resolved as " + outcome + ".", () -> actions.resolve(orderId, outcome, note));
        return "redirect:/console/orders/" + orderId;
    }

    @PostMapping("/console/orders/{orderId}/retry-compensation")
    String retryCompensation(@PathVariable String orderId, RedirectAttributes flash) {
        act(flash, "The failing compensation is being tried again.", () -> actions.retryCompensation(orderId));
        return "redirect:/console/orders/" + orderId;
    }

    private void show(OrderView order, Model model) {
        model.addAttribute("order", order);
        model.addAttribute("liveUrl", "/console/orders/" + order.orderId() + "/live");
        model.addAttribute("cancelUrl", "/console/orders/" + order.orderId() + "/cancel");
        model.addAttribute("pollSeconds", Math.max(1, web.timelinePoll().toSeconds()));
        model.addAttribute("temporalUrl", web.temporalWorkflowUrl("order-" + order.orderId()));
        model.addAttribute("canResolve", gateway.has("post", RESOLVE));
        model.addAttribute("canRetry", gateway.has("post", RETRY));
        model.addAttribute("outcomes", OUTCOMES);
    }

    /** Runs an action; a refusal the operator can read (too late, not awaiting that) becomes a message. */
    private static void act(RedirectAttributes flash, String done, Runnable action) {
        try {
            action.run();
            flash.addFlashAttribute("notice", done);
        } catch (GatewayException refusal) {
            if (refusal.status() != 400 && refusal.status() != 409) {
                throw refusal;
            }
            flash.addFlashAttribute("problem", refusal.explanation());
        }
    }
}
