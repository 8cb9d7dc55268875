package io.vendo.catalog;

import java.util.List;

/** A STACK blueprint to add to the catalog, or a new template for an existing one (matched by slug). */
public record NewBlueprint(
        String slug, String name, String description, String owner, String templateBody, List<String> capabilities) {}
