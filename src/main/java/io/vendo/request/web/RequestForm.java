package io.vendo.request.web;

import io.vendo.catalog.BlueprintVersionDetails;
import io.vendo.catalog.Delivery;
import io.vendo.catalog.ParameterDefinition;
import io.vendo.catalog.StackSetChoice;
import io.vendo.catalog.TargetDetails;
import io.vendo.request.DraftSecrets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the blueprint's request form posts: the target and any further targets to promote to, for a StackSet the
 * organizational units and regions it deploys to, a value per template parameter, a justification, the form's
 * one-time token, and which step the person took (review, change, submit). Secrets entered before the review come
 * back sealed ({@link DraftSecrets}) in {@code sealed}; the password fields stay empty.
 *
 * <p>It also knows, without binding them, the blueprint version and the targets it was rendered for, so that its
 * validator needs nothing else.
 */
class RequestForm {

    static final String REVIEW = "review";
    static final String EDIT = "edit";
    static final String SUBMIT = "submit";

    private String target = "";
    private List<String> promotion = new ArrayList<>();
    private List<String> organizationalUnits = new ArrayList<>();
    private List<String> regions = new ArrayList<>();
    private Map<String, String> parameters = new LinkedHashMap<>();
    private Map<String, String> sealed = new LinkedHashMap<>();
    private String justification = "";
    private String formToken = "";
    private String step = REVIEW;

    private final BlueprintVersionDetails blueprint;
    private final List<TargetDetails> targets;
    private final DraftSecrets secrets;

    RequestForm(BlueprintVersionDetails blueprint, List<TargetDetails> targets, DraftSecrets secrets) {
        this.blueprint = blueprint;
        this.targets = List.copyOf(targets);
        this.secrets = secrets;
    }

    BlueprintVersionDetails blueprint() {
        return blueprint;
    }

    List<TargetDetails> targets() {
        return targets;
    }

    Optional<TargetDetails> chosenTarget() {
        return targets.stream().filter(t -> t.slug().equals(target)).findFirst();
    }

    /**
     * The further targets chosen, in order: the form offers a choice per step, and those left empty after the last
     * chosen one do not count (one left empty before a chosen one is refused as that step's).
     */
    public List<String> promotion() {
        var chosen = new ArrayList<>(promotion);
        while (!chosen.isEmpty() && chosen.getLast().isBlank()) {
            chosen.removeLast();
        }
        return List.copyOf(chosen);
    }

    /** The StackSet's delivery, for a STACK_SET blueprint. */
    private Optional<Delivery.StackSet> stackSet() {
        return blueprint.delivery() instanceof Delivery.StackSet stackSet ? Optional.of(stackSet) : Optional.empty();
    }

    /** Whether the form asks which organizational units the StackSet deploys to (service-managed permissions). */
    public boolean choosesUnits() {
        return stackSet().map(Delivery.StackSet::toOrganizationalUnits).orElse(false);
    }

    /** Whether the form asks which of the blueprint's regions the StackSet deploys to. */
    public boolean choosesRegions() {
        return stackSet().isPresent();
    }

    /** The OUs to offer: the chosen target's, else those of every target the form offers. */
    public List<String> offeredUnits() {
        var offering = chosenTarget().map(List::of).orElse(targets);
        return offering.stream()
                .flatMap(target -> target.allowedOrganizationalUnits().stream())
                .distinct()
                .sorted()
                .toList();
    }

    public List<String> offeredRegions() {
        return stackSet().map(Delivery.StackSet::regions).orElse(List.of());
    }

    /**
     * A new form's StackSet targets: those an earlier request chose, else the blueprint's OUs (those offered) and all
     * its regions.
     */
    void chooseStackSetTargets(StackSetChoice earlier) {
        stackSet().ifPresent(stackSet -> {
            var offered = offeredUnits();
            var units = earlier.organizationalUnits().isEmpty()
                    ? stackSet.organizationalUnits()
                    : earlier.organizationalUnits();
            setOrganizationalUnits(units.stream().filter(offered::contains).toList());
            setRegions(earlier.regions().isEmpty() ? stackSet.regions() : earlier.regions());
        });
    }

    /** What the form chose of the StackSet's deployment targets; nothing for other blueprints. */
    StackSetChoice stackSetChoice() {
        return new StackSetChoice(
                choosesUnits() ? organizationalUnits : List.of(), choosesRegions() ? regions : List.of());
    }

    boolean editing() {
        return EDIT.equals(step);
    }

    boolean submitting() {
        return SUBMIT.equals(step);
    }

    /** What a parameter's field holds as typed; for a secret, what was typed now or sealed before the review. */
    String raw(ParameterDefinition parameter) {
        var typed = parameters.getOrDefault(parameter.name(), "");
        if (parameter.noEcho() && typed.isEmpty()) {
            var before = sealed.get(parameter.name());
            if (before != null && !before.isEmpty()) {
                return secrets.open(formToken, parameter.name(), before).orElse("");
            }
        }
        return typed;
    }

    /**
     * The values to validate and submit, as CloudFormation takes them: a list's lines joined by commas; an empty field
     * of an optional parameter left out, so that the template's default applies (as in the CloudFormation console).
     */
    Map<String, String> values() {
        var values = new LinkedHashMap<String, String>();
        for (var parameter : blueprint.parameters()) {
            var value = raw(parameter);
            if (value.isEmpty() && !parameter.required()) {
                continue;
            }
            values.put(parameter.name(), ParameterField.normalize(parameter, value));
        }
        return values;
    }

    /** Seals every secret entered so far, for the next page; the password fields are emptied. */
    void sealSecrets() {
        for (var parameter : blueprint.parameters()) {
            if (!parameter.noEcho()) {
                continue;
            }
            var value = raw(parameter);
            parameters.put(parameter.name(), "");
            if (value.isEmpty()) {
                sealed.remove(parameter.name());
            } else {
                sealed.put(parameter.name(), secrets.seal(formToken, parameter.name(), value));
            }
        }
    }

    /** Forgets secrets entirely: the requester types them again (when the form's token had to change). */
    void forgetSecrets() {
        blueprint.parameters().stream()
                .filter(ParameterDefinition::noEcho)
                .forEach(parameter -> parameters.put(parameter.name(), ""));
        sealed.clear();
    }

    public boolean secretEntered(ParameterDefinition parameter) {
        return !sealed.getOrDefault(parameter.name(), "").isEmpty();
    }

    public String getTarget() {
        return target;
    }

    public void setTarget(String target) {
        this.target = target == null ? "" : target;
    }

    public List<String> getPromotion() {
        return promotion;
    }

    public void setPromotion(List<String> promotion) {
        this.promotion = promotion == null
                ? new ArrayList<>()
                : new ArrayList<>(
                        promotion.stream().map(slug -> slug == null ? "" : slug).toList());
    }

    public List<String> getOrganizationalUnits() {
        return organizationalUnits;
    }

    public void setOrganizationalUnits(List<String> organizationalUnits) {
        this.organizationalUnits = withoutBlanks(organizationalUnits);
    }

    public List<String> getRegions() {
        return regions;
    }

    public void setRegions(List<String> regions) {
        this.regions = withoutBlanks(regions);
    }

    private static List<String> withoutBlanks(List<String> values) {
        return values == null
                ? new ArrayList<>()
                : new ArrayList<>(values.stream()
                        .filter(value -> value != null && !value.isBlank())
                        .toList());
    }

    public Map<String, String> getParameters() {
        return parameters;
    }

    public void setParameters(Map<String, String> parameters) {
        this.parameters = parameters == null ? new LinkedHashMap<>() : parameters;
    }

    public Map<String, String> getSealed() {
        return sealed;
    }

    public void setSealed(Map<String, String> sealed) {
        this.sealed = sealed == null ? new LinkedHashMap<>() : sealed;
    }

    public String getJustification() {
        return justification;
    }

    public void setJustification(String justification) {
        this.justification = justification == null ? "" : justification;
    }

    public String getFormToken() {
        return formToken;
    }

    public void setFormToken(String formToken) {
        this.formToken = formToken == null ? "" : formToken;
    }

    public String getStep() {
        return step;
    }

    public void setStep(String step) {
        this.step = step == null ? REVIEW : step;
    }
}
