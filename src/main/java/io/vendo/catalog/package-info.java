/**
 * The approved catalog: blueprints (immutable, versioned CloudFormation templates and their parameter models) and
 * the targets they deploy to. It turns a template into a parameter model and validates submitted values with
 * CloudFormation's own rules, so that a request Vendo accepts does not fail in AWS for a parameter reason.
 */
@ApplicationModule(displayName = "Catalog")
package io.vendo.catalog;

import org.springframework.modulith.ApplicationModule;
