package io.orderflow.web.catalog;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The storefront's front page: the catalog, open to everyone; logged-in customers add to their cart. */
@Controller
class CatalogController {

    private final CatalogClient catalog;

    CatalogController(CatalogClient catalog) {
        this.catalog = catalog;
    }

    @GetMapping({"/", "/products"})
    String catalog(Model model) {
        model.addAttribute("products", catalog.products());
        return "catalog";
    }
}
