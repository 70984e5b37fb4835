package io.orderflow.web.orders;

import io.orderflow.web.gateway.GatewayException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** "My orders": the logged-in customer's orders, newest first, a page at a time. */
@Controller
class MyOrdersController {

    private final OrdersClient orders;

    MyOrdersController(OrdersClient orders) {
        this.orders = orders;
    }

    @GetMapping("/orders")
    String myOrders(@RequestParam(required = false) String pageToken, Model model) {
        try {
            model.addAttribute("page", orders.list(OrderSearch.mine(pageToken)));
        } catch (GatewayException refusal) {
            if (!refusal.is(501)) {
                throw refusal;
            }
            // This platform cannot list orders: say so instead of showing an empty list.
            model.addAttribute("listingUnavailable", refusal.detail());
        }
        return "orders";
    }
}
