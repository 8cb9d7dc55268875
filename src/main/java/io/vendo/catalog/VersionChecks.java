package io.vendo.catalog;

import io.vendo.digest.Sha256;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * What a blueprint's metadata and a new version must pass before they are stored: the catalog's own rules, that a named
 * approval policy exists, the template parsed as CloudFormation reads it, and — when AWS is configured — what AWS says
 * about it.
 */
@Component
class VersionChecks {

    private final TemplateParser parser = new TemplateParser();
    private final CompositeChecks composites;
    private final ObjectProvider<TemplateCheck> templateChecks;
    private final ObjectProvider<ServiceCatalogProducts> serviceCatalog;
    private final ApprovalPolicyNames policyNames;
    private final CatalogProperties properties;
    private final Clock clock;

    VersionChecks(
            ObjectProvider<TemplateCheck> templateChecks,
            ObjectProvider<ServiceCatalogProducts> serviceCatalog,
            ApprovalPolicyNames policyNames,
            CatalogProperties properties,
            BlueprintRepository blueprints,
            BlueprintVersionRepository versions,
            Clock clock) {
        this.composites = new CompositeChecks(new StoredBlueprints(blueprints, versions));
        this.templateChecks = templateChecks;
        this.serviceCatalog = serviceCatalog;
        this.policyNames = policyNames;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * The metadata's own rules, and that a named approval policy exists: a misspelt name must never leave a blueprint's
     * requests to a laxer policy that happens to match their scope.
     */
    Map<String, String> check(BlueprintMetadata metadata) {
        var errors = CatalogRules.check(metadata);
        var named = metadata.approvalPolicy();
        if (named != null && !errors.containsKey("approvalPolicy")) {
            var existing = policyNames.policyNames();
            if (!existing.contains(named)) {
                errors.put(
                        "approvalPolicy",
                        "There is no approval policy '%s'; the policies are: %s"
                                .formatted(named, String.join(", ", existing)));
            }
        }
        return errors;
    }

    /**
     * The version checked field by field; every problem goes into {@code errors}, the template's under "template".
     *
     * @return what to store, once {@code errors} stays empty; empty when a problem leaves nothing to store
     */
    Optional<CheckedVersion> check(BlueprintKind kind, NewVersion request, Map<String, String> errors) {
        if (kind == BlueprintKind.COMPOSITE) {
            return checkComposite(request, errors);
        }
        var delivery = request.delivery() != null
                ? request.delivery()
                : kind == BlueprintKind.STACK ? new Delivery.Stack() : null;
        if (delivery == null) {
            errors.put("delivery", "Say how a %s blueprint is delivered".formatted(kind));
        } else {
            errors.putAll(DeliveryRules.check(kind, request.capabilities(), delivery));
        }
        var template = request.templateBody();
        if (template == null || template.isBlank()) {
            errors.put("template", "A template is required");
            return Optional.empty();
        }
        TemplateParser.ParsedTemplate parsed;
        try {
            parsed = deployedByCloudFormation(kind) ? parser.parse(template) : parser.parseForm(template);
            errors.putAll(CatalogRules.check(kind, parsed.parameters()));
        } catch (InvalidTemplateException e) {
            errors.put("template", e.detail());
            return Optional.empty();
        }
        if (delivery == null) {
            return Optional.empty();
        }
        return Optional.of(
                new CheckedVersion(template, Sha256.hex(template), parsed, request.capabilities(), delivery, clock));
    }

    /**
     * A composite's graph checked whole ({@link CompositeChecks}); its version's text is the graph as YAML, its form the
     * parameters a person must give.
     */
    private Optional<CheckedVersion> checkComposite(NewVersion request, Map<String, String> errors) {
        if (!(request.delivery() instanceof Delivery.Composite composite)) {
            errors.put("components", "A COMPOSITE blueprint lists its components");
            return Optional.empty();
        }
        errors.putAll(DeliveryRules.check(BlueprintKind.COMPOSITE, request.capabilities(), composite));
        return composites.check(composite, request.capabilities(), errors).map(checked -> {
            var text = checked.delivery().text();
            return new CheckedVersion(
                    text, Sha256.hex(text), checked.form(), request.capabilities(), checked.delivery(), clock);
        });
    }

    /**
     * Asks AWS about a version that is about to be stored, when AWS is configured: CloudFormation about a template it
     * deploys (STACK, STACK_SET), Service Catalog about the parameters it provisions a product's artifact with (products,
     * Account Factory accounts). Admin changes are rare and the calls short (the SDK's timeouts apply), so they run in
     * the transaction that stores the version.
     *
     * @param what the entry refused, for the refusal's title
     * @throws InvalidEntryException when CloudFormation refuses the template, or Service Catalog knows no such product
     */
    AwsComparison askAws(CheckedVersion checked, String what) {
        return switch (checked.delivery()) {
            case Delivery.Stack stack -> askCloudFormation(checked, what);
            case Delivery.StackSet stackSet -> askCloudFormation(checked, what);
            case Delivery.ServiceCatalogProduct product ->
                askServiceCatalog(
                        checked, what, product.productId(), product.provisioningArtifactId(), product.pathId());
            case Delivery.AccountFactory factory ->
                askServiceCatalog(checked, what, factory.productId(), factory.provisioningArtifactId(), null);
            case Delivery.Composite composite -> askCloudFormation(composite, what);
            case Delivery.OrganizationsAccount organizations ->
                AwsComparison.notApplicable(
                        "Organizations' CreateAccount takes fixed fields: Vendo's form is the whole model, nothing to"
                                + " ask AWS");
        };
    }

    private AwsComparison askCloudFormation(CheckedVersion checked, String what) {
        var check = templateChecks.getIfAvailable();
        if (check == null || !check.available()) {
            return AwsComparison.notChecked();
        }
        var report = check.check(checked.templateBody(), properties.templateCheckRegion());
        if (report.refusal() != null) {
            throw new InvalidEntryException(
                    what, Map.of("template", "CloudFormation refuses the template: " + report.refusal()));
        }
        return AwsComparison.of(report, checked.parsed().parameters(), checked.capabilities());
    }

    /** Each template of a composite goes to CloudFormation; referenced blueprints were checked when they were stored. */
    private AwsComparison askCloudFormation(Delivery.Composite composite, String what) {
        var check = templateChecks.getIfAvailable();
        if (check == null || !check.available()) {
            return AwsComparison.notChecked();
        }
        for (int i = 0; i < composite.components().size(); i++) {
            var file = composite.components().get(i).template();
            if (file == null) {
                continue;
            }
            var body = Objects.requireNonNull(
                    composite.templates().get(file), "The composite's checks found each component's template");
            var report = check.check(body, properties.templateCheckRegion());
            if (report.refusal() != null) {
                throw new InvalidEntryException(
                        what,
                        Map.of(
                                CompositeChecks.field(i, "template"),
                                "CloudFormation refuses %s: %s".formatted(file, report.refusal())));
            }
        }
        return AwsComparison.notApplicable(
                "CloudFormation accepted every template of the composite; its parameters are the components' own");
    }

    private AwsComparison askServiceCatalog(
            CheckedVersion checked, String what, String productId, String artifactId, @Nullable String pathId) {
        var products = serviceCatalog.getIfAvailable();
        if (products == null || !products.available()) {
            return new AwsComparison(
                    AwsComparison.NOT_CHECKED,
                    "AWS is not configured (dry-run): Service Catalog was not asked",
                    List.of());
        }
        try {
            var model = products.parameters(productId, artifactId, pathId, properties.serviceCatalogRegionOrDefault());
            return AwsComparison.ofServiceCatalog(model, checked.parsed().parameters());
        } catch (ServiceCatalogProducts.LookupFailed e) {
            if (e.notFound()) {
                throw new InvalidEntryException(what, Map.of("delivery", e.getMessage()));
            }
            return AwsComparison.unavailable(e.getMessage());
        }
    }

    /** STACK and STACK_SET templates are deployed by CloudFormation; the other kinds' templates only declare a form. */
    private static boolean deployedByCloudFormation(BlueprintKind kind) {
        return kind == BlueprintKind.STACK || kind == BlueprintKind.STACK_SET;
    }

    /** A version that passed every check, ready to store. */
    record CheckedVersion(
            String templateBody,
            String sha256,
            TemplateParser.ParsedTemplate parsed,
            List<String> capabilities,
            Delivery delivery,
            Clock clock) {

        BlueprintVersion toVersion(UUID blueprintId, int number, AwsComparison aws) {
            return new BlueprintVersion(
                    blueprintId, number, templateBody, sha256, parsed, capabilities, delivery, aws, clock.instant());
        }
    }
}
