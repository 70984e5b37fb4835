package io.orderflow.web.console;

import io.orderflow.web.Money;
import io.orderflow.web.catalog.CatalogClient;
import io.orderflow.web.catalog.ProductUpsert;
import io.orderflow.web.gateway.GatewayException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Catalog editing: name, price, currency and stock of each product ({@code catalog:write}). */
@Controller
class ConsoleCatalogController {

    private final CatalogClient catalog;

    ConsoleCatalogController(CatalogClient catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/console/catalog")
    String catalog(Model model) {
        model.addAttribute("products", catalog.products());
        return "console/catalog";
    }

    @PostMapping("/console/catalog/{sku}")
    String save(@PathVariable String sku, @RequestParam String name, @RequestParam String price,
            @RequestParam String currency, @RequestParam long available, RedirectAttributes flash) {
        long priceCents;
        try {
            priceCents = Money.parse(price, currency);
        } catch (IllegalArgumentException notAnAmount) {
            flash.addFlashAttribute("problem", sku + ": the price is " + notAnAmount.getMessage() + ".");
            return "redirect:/console/catalog";
        }
        try {
            catalog.save(sku, new ProductUpsert(name, priceCents, currency, available));
            flash.addFlashAttribute("notice", "Saved " + sku + ".");
        } catch (GatewayException refusal) {
            if (refusal.status() != 400 && refusal.status() != 403) {
                throw refusal;
            }
            flash.addFlashAttribute("problem", sku + ": " + refusal.explanation());
        }
        return "redirect:/console/catalog";
    }
}
