package io.vendo.catalog.web;

import io.vendo.catalog.Catalog;
import io.vendo.web.PageController;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@PageController
class CatalogPageController {

    private final Catalog catalog;

    CatalogPageController(Catalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/")
    String catalog(Model model) {
        model.addAttribute("blueprints", catalog.blueprints());
        return "catalog/index";
    }
}
