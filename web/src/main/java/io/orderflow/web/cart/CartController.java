package io.orderflow.web.cart;

import io.orderflow.web.gateway.GatewayException;
import io.orderflow.web.orders.OrderView;
import jakarta.servlet.http.HttpSession;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The cart page: its lines (change a quantity, remove one), the subtotal, and checkout. The cart
 * itself is a workflow behind the gateway; this session only remembers which cart is the
 * customer's current one, and starts a new one when that one is checked out, expired or gone.
 */
@Controller
class CartController {

    static final String CURRENT_CART = "orderflow.cartId";

    private final CartClient carts;

    CartController(CartClient carts) {
        this.carts = carts;
    }

    @GetMapping("/cart")
    String cart(HttpSession session, Model model) {
        model.addAttribute("cart", current(session));
        if (!model.containsAttribute("checkout")) {
            model.addAttribute("checkout", new CheckoutForm("tok_visa", "", "", "", "", ""));
        }
        return "cart";
    }

    /** "Add to cart" on the catalog: this many more of the product. */
    @PostMapping("/cart/lines")
    String add(@RequestParam String sku, @RequestParam(defaultValue = "1") int quantity, HttpSession session,
            RedirectAttributes flash) {
        Cart cart = current(session);
        if (cart == null) {
            cart = carts.create();
            session.setAttribute(CURRENT_CART, cart.cartId());
        }
        try {
            Cart changed = carts.setLine(cart.cartId(), sku, Math.addExact(cart.quantityOf(sku), quantity));
            flash.addFlashAttribute("notice", "Added to your cart: " + changed.quantityOf(sku) + " × " + sku + ".");
        } catch (GatewayException refusal) {
            refuse(refusal, flash);
        } catch (ArithmeticException tooMany) {
            flash.addFlashAttribute("problem", "That is more than a cart can hold.");
        }
        return "redirect:/";
    }

    @PostMapping("/cart/lines/{sku}")
    String change(@PathVariable String sku, @RequestParam int quantity, HttpSession session, RedirectAttributes flash) {
        Cart cart = current(session);
        if (cart != null) {
            try {
                carts.setLine(cart.cartId(), sku, quantity);
                flash.addFlashAttribute("notice", quantity == 0 ? "Removed " + sku + "." : "Updated " + sku + ".");
            } catch (GatewayException refusal) {
                refuse(refusal, flash);
            }
        }
        return "redirect:/cart";
    }

    @PostMapping("/cart/lines/{sku}/remove")
    String remove(@PathVariable String sku, HttpSession session, RedirectAttributes flash) {
        Cart cart = current(session);
        if (cart != null) {
            try {
                carts.removeLine(cart.cartId(), sku);
                flash.addFlashAttribute("notice", "Removed " + sku + ".");
            } catch (GatewayException refusal) {
                refuse(refusal, flash);
            }
        }
        return "redirect:/cart";
    }

    @PostMapping("/cart/checkout")
    String checkout(@ModelAttribute CheckoutForm form, HttpSession session, RedirectAttributes flash) {
        Cart cart = current(session);
        if (cart == null) {
            flash.addFlashAttribute("problem", "Your cart is empty.");
            return "redirect:/cart";
        }
        try {
            OrderView order = carts.checkout(cart.cartId(), form);
            session.removeAttribute(CURRENT_CART);
            return "redirect:/orders/" + order.orderId();
        } catch (GatewayException refusal) {
            refuse(refusal, flash);
            flash.addFlashAttribute("checkout", form);
            return "redirect:/cart";
        }
    }

    /** The customer's open cart, or null when there is none (never made, checked out, expired, gone). */
    private Cart current(HttpSession session) {
        Object cartId = session.getAttribute(CURRENT_CART);
        if (cartId == null) {
            return null;
        }
        try {
            Cart cart = carts.cart(cartId.toString());
            if (cart.open()) {
                return cart;
            }
        } catch (GatewayException refusal) {
            if (!refusal.is(404) && !refusal.is(410)) {
                throw refusal;
            }
        }
        session.removeAttribute(CURRENT_CART);
        return null;
    }

    /** A refusal the customer can act on (unknown product, full or empty cart, a bad field) is shown. */
    private static void refuse(GatewayException refusal, RedirectAttributes flash) {
        if (refusal.status() != 400 && refusal.status() != 409 && refusal.status() != 422) {
            throw refusal;
        }
        flash.addFlashAttribute("problem", refusal.explanation());
    }
}
