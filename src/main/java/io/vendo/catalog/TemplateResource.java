package io.vendo.catalog;

import org.springframework.modulith.NamedInterface;

/** A resource a template declares: what the stack will create, as approvers preview it. */
@NamedInterface("blueprints")
public record TemplateResource(String logicalId, String type) {}
