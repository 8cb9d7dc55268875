/**
 * The approved catalog: blueprints (immutable, versioned CloudFormation templates and their parameter models) and
 * the targets they deploy to. It turns a template into a parameter model and validates submitted values with
 * CloudFormation's own rules, so that a request Vendo accepts does not fail in AWS for a parameter reason.
 *
 * <p>Its doors: {@link io.vendo.catalog.Catalog} for everyone (browse, pin a version, place it on a target, validate
 * values) and {@link io.vendo.catalog.CatalogAdministration} for the platform team (blueprints, versions, targets, the
 * catalog directory sync, the import from Service Catalog). What other modules may hold besides, by named interface:
 *
 * <ul>
 *   <li>{@code catalog::blueprints} — a pinned version and its parameter model, kinds and deliveries (request,
 *       execution, approval);
 *   <li>{@code catalog::targets} — where a request deploys, and the tiers (request, execution, approval, aws);
 *   <li>{@code catalog::ports} — what the catalog asks of others: CloudFormation's and Service Catalog's view of a
 *       template or product (implemented by aws), the approval policies that exist (implemented by approval);
 *   <li>{@code catalog::administration} — the commands, reports and views of the catalog's own pages and API; no
 *       other module uses them.
 * </ul>
 *
 * Everything else — entities, repositories, the template parser, the directory sync — is package-private.
 */
@ApplicationModule(
        displayName = "Catalog",
        allowedDependencies = {"web", "digest", "refusal"})
@NullMarked
package io.vendo.catalog;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
