package io.vendo.catalog;

import io.vendo.catalog.SyncReport.Entry;
import io.vendo.catalog.SyncReport.Outcome;
import io.vendo.refusal.Refusal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The catalog directory: one folder per blueprint with a descriptor ({@code blueprint.yaml}) and its template, and
 * optionally {@code targets.yaml}. Synchronizing brings the catalog in line with it — new blueprints added, changed
 * templates added as new versions, metadata updated — file by file, so one refused file never holds back the others.
 * Blueprints missing from the directory are left alone: they may have been added in the admin pages.
 */
@Service
public class CatalogDirectory implements ApplicationRunner {

    static final String DESCRIPTOR = "blueprint.yaml";
    static final String TARGETS = "targets.yaml";

    private static final Logger log = LoggerFactory.getLogger(CatalogDirectory.class);
    private static final Set<String> DESCRIPTOR_KEYS = Set.of(
            "name",
            "kind",
            "description",
            "owner",
            "tags",
            "capabilities",
            "allowedEnvironments",
            "approvalPolicy",
            "maxLifetime",
            "quotaPerTeam",
            "template",
            "delivery");
    private static final Set<String> TARGET_KEYS = Set.of(
            "slug",
            "name",
            "accountId",
            "region",
            "environment",
            "executionRoleArn",
            "externalId",
            "allowedBlueprints",
            "allowedOrganizationalUnits");

    private final CatalogAdministration administration;
    private final ServiceCatalogImport serviceCatalogImport;
    private final Catalog catalog;
    private final CatalogProperties properties;
    private final Clock clock;
    private final AtomicReference<@Nullable SyncReport> lastReport = new AtomicReference<>();

    CatalogDirectory(
            CatalogAdministration administration,
            ServiceCatalogImport serviceCatalogImport,
            Catalog catalog,
            CatalogProperties properties,
            Clock clock) {
        this.administration = administration;
        this.serviceCatalogImport = serviceCatalogImport;
        this.catalog = catalog;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (location().isPresent() && properties.syncOnStart()) {
            var report = synchronize();
            log.info(
                    "Catalog directory {} synchronized: {} added, {} changed, {} unchanged, {} refused",
                    report.location(),
                    report.count(Outcome.ADDED),
                    report.count(Outcome.CHANGED),
                    report.count(Outcome.UNCHANGED),
                    report.count(Outcome.REFUSED));
            report.entries().stream()
                    .filter(entry -> entry.outcome() == Outcome.REFUSED)
                    .forEach(entry -> log.warn("Catalog file {} refused: {}", entry.file(), entry.detail()));
        }
    }

    /**
     * What a sync reads: the directory, and the Service Catalog portfolios imported at every sync; empty when neither is
     * configured (then the admin page offers no sync).
     */
    public Optional<String> location() {
        var portfolios = properties.serviceCatalogPortfolios().isEmpty()
                ? ""
                : "Service Catalog " + String.join(", ", properties.serviceCatalogPortfolios());
        if (properties.directory() == null) {
            return portfolios.isEmpty() ? Optional.empty() : Optional.of(portfolios);
        }
        return Optional.of(properties.directory() + (portfolios.isEmpty() ? "" : " + " + portfolios));
    }

    public Optional<SyncReport> lastReport() {
        return Optional.ofNullable(lastReport.get());
    }

    /**
     * Synchronizes the configured directory, then imports the configured Service Catalog portfolios.
     *
     * @throws CatalogConflictException when neither is configured
     */
    public SyncReport synchronize() {
        var location = location()
                .orElseThrow(() -> new CatalogConflictException(
                        "No catalog directory",
                        "Nothing to sync: neither a catalog directory (vendo.catalog.directory) nor Service Catalog"
                                + " portfolios (vendo.catalog.service-catalog-portfolios) are configured"));
        var entries = new ArrayList<Entry>();
        if (properties.directory() != null) {
            entries.addAll(synchronize(properties.directory()).entries());
        }
        entries.addAll(serviceCatalogImport.importConfiguredPortfolios());
        var report = new SyncReport(location, clock.instant(), entries);
        lastReport.set(report);
        return report;
    }

    SyncReport synchronize(String location) {
        var base = location.endsWith("/") ? location.substring(0, location.length() - 1) : location;
        var resolver = new PathMatchingResourcePatternResolver();
        var entries = new ArrayList<Entry>();
        try {
            var descriptors = new ArrayList<>(List.of(resolver.getResources(base + "/*/" + DESCRIPTOR)));
            descriptors.sort(Comparator.comparing(CatalogDirectory::folderOf));
            for (var descriptor : descriptors) {
                entries.add(blueprint(descriptor));
            }
            var targets = resolver.getResource(base + "/" + TARGETS);
            if (targets.exists()) {
                entries.addAll(targets(targets));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the catalog directory " + location, e);
        }
        var report = new SyncReport(location, clock.instant(), entries);
        lastReport.set(report);
        return report;
    }

    private Entry blueprint(Resource descriptor) {
        var slug = folderOf(descriptor);
        var file = slug + "/" + DESCRIPTOR;
        try {
            var yaml = load(read(descriptor), file);
            var unknown = yaml.keySet().stream()
                    .filter(key -> !DESCRIPTOR_KEYS.contains(key))
                    .sorted()
                    .toList();
            if (!unknown.isEmpty()) {
                return refused(
                        file,
                        slug,
                        "Unknown key(s) " + String.join(", ", unknown) + "; known: "
                                + String.join(
                                        ", ", DESCRIPTOR_KEYS.stream().sorted().toList()));
            }
            var kind = enumValue(BlueprintKind.class, yaml.get("kind"), "kind");
            var delivery = delivery(kind, yaml);
            var named = string(yaml.get("template"));
            var templateName = Optional.ofNullable(named).orElse("template.yaml");
            if (!templateName.matches("[\\w.-]+") || templateName.startsWith(".")) {
                return refused(file, slug, "template must name a file in the blueprint's folder, not " + templateName);
            }
            var template = relative(descriptor, templateName);
            String templateBody;
            if (template.exists()) {
                templateBody = read(template);
            } else if (named == null
                    && delivery != null
                    && ServiceCatalogImport.ProductRef.of(delivery).isPresent()) {
                // A Service Catalog product without a form template: its form is Service Catalog's own model.
                templateBody = serviceCatalogImport.formFor(delivery);
            } else {
                return refused(file, slug, "Template file %s/%s does not exist".formatted(slug, templateName));
            }
            var request = new NewBlueprint(
                    slug,
                    kind,
                    metadata(yaml),
                    new NewVersion(templateBody, strings(yaml.get("capabilities")), delivery));
            var outcome = administration.synchronize(request);
            var number = outcome.version().number();
            var warnings = outcome.version().patternWarnings().stream()
                    .map(warning -> "; warning: " + warning)
                    .collect(java.util.stream.Collectors.joining());
            return switch (outcome.change()) {
                case ADDED -> new Entry(file, slug, Outcome.ADDED, "Added as version " + number + warnings);
                case NEW_VERSION ->
                    new Entry(
                            file,
                            slug,
                            Outcome.CHANGED,
                            "New version %d from %s%s".formatted(number, templateName, warnings));
                case METADATA_CHANGED ->
                    new Entry(file, slug, Outcome.CHANGED, "Metadata changed; template unchanged at version " + number);
                case UNCHANGED -> new Entry(file, slug, Outcome.UNCHANGED, "Unchanged at version " + number);
            };
        } catch (InvalidEntryException e) {
            return refused(file, slug, e.detail());
        } catch (DescriptorException e) {
            return refused(file, slug, e.getMessage());
        } catch (DataIntegrityViolationException e) {
            return refused(file, slug, "Changed concurrently (another replica synchronizing?): sync again");
        } catch (Refusal e) {
            return refused(file, slug, e.detail());
        }
    }

    private List<Entry> targets(Resource resource) {
        var entries = new ArrayList<Entry>();
        Object document;
        try {
            document = new Yaml(new SafeConstructor(new LoaderOptions())).load(read(resource));
        } catch (YAMLException e) {
            return List.of(refused(TARGETS, "targets", "Not valid YAML: " + e.getMessage()));
        }
        if (!(document instanceof Map<?, ?> root) || !(root.get("targets") instanceof List<?> list)) {
            return List.of(refused(TARGETS, "targets", "Expected a mapping with a list under 'targets'"));
        }
        for (var item : list) {
            entries.add(target(item));
        }
        return entries;
    }

    private Entry target(Object item) {
        if (!(item instanceof Map<?, ?> yaml)) {
            return refused(TARGETS, "?", "Each target must be a mapping");
        }
        var slug = String.valueOf(yaml.get("slug"));
        try {
            var unknown = yaml.keySet().stream()
                    .map(String::valueOf)
                    .filter(key -> !TARGET_KEYS.contains(key))
                    .sorted()
                    .toList();
            if (!unknown.isEmpty()) {
                return refused(TARGETS, slug, "Unknown key(s) " + String.join(", ", unknown));
            }
            var target = new NewTarget(
                    slug,
                    string(yaml.get("name")),
                    string(yaml.get("accountId")),
                    string(yaml.get("region")),
                    enumValue(EnvironmentTier.class, yaml.get("environment"), "environment"),
                    string(yaml.get("executionRoleArn")),
                    string(yaml.get("externalId")),
                    strings(yaml.get("allowedBlueprints")),
                    strings(yaml.get("allowedOrganizationalUnits")));
            var existing = catalog.targets().stream()
                    .filter(candidate -> candidate.slug().equals(slug))
                    .findFirst();
            if (existing.isEmpty()) {
                administration.createTarget(target);
                return new Entry(TARGETS, slug, Outcome.ADDED, "Target added");
            }
            var updated = administration.updateTarget(slug, target);
            return updated.equals(existing.get())
                    ? new Entry(TARGETS, slug, Outcome.UNCHANGED, "Target unchanged")
                    : new Entry(TARGETS, slug, Outcome.CHANGED, "Target settings changed");
        } catch (InvalidEntryException e) {
            return refused(TARGETS, slug, e.detail());
        } catch (DescriptorException e) {
            return refused(TARGETS, slug, e.getMessage());
        } catch (DataIntegrityViolationException e) {
            return refused(TARGETS, slug, "Changed concurrently (another replica synchronizing?): sync again");
        }
    }

    private BlueprintMetadata metadata(Map<String, Object> yaml) {
        var tags = new LinkedHashMap<String, String>();
        if (yaml.get("tags") instanceof Map<?, ?> map) {
            map.forEach((key, value) -> tags.put(String.valueOf(key), String.valueOf(value)));
        } else if (yaml.get("tags") != null) {
            throw new DescriptorException("tags must be a mapping of key: value");
        }
        var environments = strings(yaml.get("allowedEnvironments")).stream()
                .map(value -> enumValue(EnvironmentTier.class, value, "allowedEnvironments"))
                .toList();
        Duration lifetime = null;
        var maxLifetime = string(yaml.get("maxLifetime"));
        if (maxLifetime != null) {
            try {
                lifetime = Duration.parse(maxLifetime);
            } catch (DateTimeParseException e) {
                throw new DescriptorException(
                        "maxLifetime '%s' is not an ISO-8601 duration such as P30D or PT12H".formatted(maxLifetime));
            }
        }
        Integer quota = null;
        if (yaml.get("quotaPerTeam") instanceof Integer number) {
            quota = number;
        } else if (yaml.get("quotaPerTeam") != null) {
            throw new DescriptorException("quotaPerTeam must be a whole number");
        }
        return new BlueprintMetadata(
                string(yaml.get("name")),
                Optional.ofNullable(string(yaml.get("description"))).orElse("").strip(),
                string(yaml.get("owner")),
                tags,
                environments,
                string(yaml.get("approvalPolicy")),
                lifetime,
                quota);
    }

    private static @Nullable Delivery delivery(BlueprintKind kind, Map<String, Object> yaml) {
        if (!(yaml.get("delivery") instanceof Map<?, ?> settings)) {
            if (yaml.get("delivery") != null) {
                throw new DescriptorException("delivery must be a mapping");
            }
            return kind == BlueprintKind.STACK ? new Delivery.Stack() : null;
        }
        return DeliveryText.fromMap(kind, settings);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> load(String text, String file) {
        try {
            var document = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
            if (document instanceof Map<?, ?> map) {
                return (Map<String, Object>) map;
            }
            throw new DescriptorException("Expected a mapping of blueprint settings");
        } catch (YAMLException e) {
            throw new DescriptorException("Not valid YAML: " + e.getMessage());
        }
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, @Nullable Object value, String key) {
        var text = string(value);
        for (var constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(text)) {
                return constant;
            }
        }
        throw new DescriptorException("%s must be one of %s, not '%s'"
                .formatted(
                        key,
                        String.join(
                                ", ",
                                java.util.Arrays.stream(type.getEnumConstants())
                                        .map(Enum::name)
                                        .toList()),
                        text));
    }

    private static @Nullable String string(@Nullable Object value) {
        return value == null ? null : String.valueOf(value);
    }

    private static List<String> strings(@Nullable Object value) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw new DescriptorException("Expected a list, not '%s'".formatted(value));
        }
        return list.stream().map(String::valueOf).toList();
    }

    private static String read(Resource resource) {
        try {
            return resource.getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource.getDescription(), e);
        }
    }

    private static Resource relative(Resource descriptor, String name) {
        try {
            return descriptor.createRelative(name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String folderOf(Resource descriptor) {
        try {
            var path = descriptor.getURL().getPath();
            var withoutFile = path.substring(0, path.length() - DESCRIPTOR.length() - 1);
            return withoutFile.substring(withoutFile.lastIndexOf('/') + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Entry refused(String file, String subject, String detail) {
        return new Entry(file, subject, Outcome.REFUSED, detail);
    }

    /** A descriptor the catalog cannot read. */
    private static final class DescriptorException extends RuntimeException {
        DescriptorException(String message) {
            super(message);
        }
    }
}
