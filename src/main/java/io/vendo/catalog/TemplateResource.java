package io.vendo.catalog;

/** A resource a template declares: what the stack will create, as approvers preview it. */
public record TemplateResource(String logicalId, String type) {}
