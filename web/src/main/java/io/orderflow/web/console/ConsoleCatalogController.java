package io.orderflow.web.console;

import io.orderflow.web.Money;
import io.orderflow.web.catalog.CatalogClient;
import io.orderflow.web.catalog.Product;
import io.orderflow.web.catalog.ProductUpsert;
import io.orderflow.web.catalog.StockChange;
import io.orderflow.web.gateway.GatewayException;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Catalog editing ({@code catalog:write}): name, price and currency of each product, sent with the
 * version the page showed ({@code If-Match}), and stock changed by a delta. Orders reserve stock all
 * the time, so neither may write back a stock level the page displayed: an edit of a product that
 * changed since is refused and the page reloaded, a delta adds to whatever the stock is by then.
 */
@Controller
class ConsoleCatalogController {

    /** Refusals that are the operator's to read and act on; anything else is the error page's. */
    private static final Set<Integer> EXPLAINED = Set.of(400, 403, 404, 409, 422);

    private final CatalogClient catalog;

    ConsoleCatalogController(CatalogClient catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/console/catalog")
    String catalog(Model model) {
        model.addAttribute("products", catalog.products());
        return "console/catalog";
    }

    /**
     * {@code available} comes back from the page as it showed it; sent with the page's
     * {@code etag}, it can only be written while it is still the stock level.
     */
    @PostMapping("/console/catalog/{sku}")
    String save(@PathVariable String sku, @RequestParam String name, @RequestParam String price,
            @RequestParam String currency, @RequestParam long available, @RequestParam String etag,
            RedirectAttributes flash) {
        long priceCents;
        try {
            priceCents = Money.parse(price, currency);
        } catch (IllegalArgumentException notAnAmount) {
            flash.addFlashAttribute("problem", sku + ": the price is " + notAnAmount.getMessage() + ".");
            return "redirect:/console/catalog";
        }
        try {
            catalog.save(sku, new ProductUpsert(name, priceCents, currency, available), etag);
            flash.addFlashAttribute("notice", "Saved " + sku + ".");
        } catch (GatewayException refusal) {
            if (refusal.is(412)) {
                flash.addFlashAttribute("problem", sku + " changed since you loaded it (an order or another operator "
                        + "changed it), so your edit was not saved. The page has been reloaded with its current "
                        + "values: make your change again.");
            } else if (EXPLAINED.contains(refusal.status())) {
                flash.addFlashAttribute("problem", sku + ": " + refusal.explanation());
            } else {
                throw refusal;
            }
        }
        return "redirect:/console/catalog";
    }

    @PostMapping("/console/catalog/{sku}/stock")
    String changeStock(@PathVariable String sku, @RequestParam String delta, @RequestParam String reason,
            RedirectAttributes flash) {
        long units;
        try {
            units = Long.parseLong(delta.strip());
        } catch (NumberFormatException notANumber) {
            flash.addFlashAttribute("problem", sku + ": the stock change must be a whole number of units, "
                    + "such as 5 or -2.");
            return "redirect:/console/catalog";
        }
        try {
            Product changed = catalog.changeStock(sku, new StockChange(units, reason));
            flash.addFlashAttribute("notice", "Stock of " + sku + " changed by " + (units > 0 ? "+" : "") + units
                    + ": " + changed.available() + " available.");
        } catch (GatewayException refusal) {
            if (!EXPLAINED.contains(refusal.status())) {
                throw refusal;
            }
            flash.addFlashAttribute("problem", sku + ": " + refusal.explanation());
        }
        return "redirect:/console/catalog";
    }
}
