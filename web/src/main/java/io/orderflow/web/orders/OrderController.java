package io.orderflow.web.orders;

import io.orderflow.web.WebProperties;
import io.orderflow.web.gateway.GatewayException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One order's page: what was bought, where it stands, and its timeline, which updates itself while
 * the order runs (htmx asks for the {@code live} fragment every {@code timeline-poll}; the fragment
 * of a finished order no longer asks). Cancel is offered while the checkout still accepts it.
 */
@Controller
class OrderController {

    private final OrdersClient orders;
    private final WebProperties web;

    OrderController(OrdersClient orders, WebProperties web) {
        this.orders = orders;
        this.web = web;
    }

    @GetMapping("/orders/{orderId}")
    String order(@PathVariable String orderId, Model model) {
        show(orders.order(orderId), model);
        return "order";
    }

    @GetMapping("/orders/{orderId}/live")
    String live(@PathVariable String orderId, Model model) {
        show(orders.order(orderId), model);
        return "order :: live";
    }

    @PostMapping("/orders/{orderId}/cancel")
    String cancel(@PathVariable String orderId, RedirectAttributes flash) {
        try {
            orders.cancel(orderId, "cancelled on the order's page");
            flash.addFlashAttribute("notice", "Your order is being cancelled.");
        } catch (GatewayException refusal) {
            if (!refusal.is(409)) {
                throw refusal;
            }
            flash.addFlashAttribute("problem", "Too late to cancel: " + refusal.detail());
        }
        return "redirect:/orders/" + orderId;
    }

    private void show(OrderView order, Model model) {
        model.addAttribute("order", order);
        model.addAttribute("liveUrl", "/orders/" + order.orderId() + "/live");
        model.addAttribute("cancelUrl", "/orders/" + order.orderId() + "/cancel");
        model.addAttribute("pollSeconds", Math.max(1, web.timelinePoll().toSeconds()));
    }
}
