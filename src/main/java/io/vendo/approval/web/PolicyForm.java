package io.vendo.approval.web;

import io.vendo.approval.NewPolicy;
import io.vendo.approval.Requirement;
import io.vendo.catalog.EnvironmentTier;
import io.vendo.request.RequestKind;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The add-policy form as typed; {@link PolicyFormValidator} says what is wrong with it. */
public class PolicyForm {

    private String name = "";
    private String blueprint = "";
    private String environment = "";
    private String team = "";
    private String requestKind = "";
    private boolean autoApprove;
    private String requirements = "";
    private String fallbackGroup = "";

    /**
     * "team-leads:1, platform-team:2" → two requirements; a group without a count needs one approval.
     *
     * @throws IllegalArgumentException when a part is not group or group:count with a positive count
     */
    List<Requirement> parsedRequirements() {
        var parsed = new ArrayList<Requirement>();
        for (var part : requirements.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            var pieces = part.strip().split(":", -1);
            if (pieces.length > 2) {
                throw new IllegalArgumentException(part);
            }
            parsed.add(new Requirement(pieces[0].strip(), pieces.length > 1 ? Integer.parseInt(pieces[1].strip()) : 1));
        }
        return parsed;
    }

    /** The policy to add; only for a form the validator accepted. */
    NewPolicy toPolicy() {
        return new NewPolicy(
                name.strip(),
                blankToNull(blueprint),
                environment.isBlank() ? null : EnvironmentTier.valueOf(environment),
                blankToNull(team),
                requestKind.isBlank() ? null : RequestKind.valueOf(requestKind),
                autoApprove,
                autoApprove ? List.of() : parsedRequirements(),
                blankToNull(fallbackGroup));
    }

    private static @Nullable String blankToNull(String value) {
        return value.isBlank() ? null : value.strip();
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name == null ? "" : name;
    }

    public String getBlueprint() {
        return blueprint;
    }

    public void setBlueprint(String blueprint) {
        this.blueprint = blueprint == null ? "" : blueprint;
    }

    public String getRequestKind() {
        return requestKind;
    }

    public void setRequestKind(String requestKind) {
        this.requestKind = requestKind == null ? "" : requestKind;
    }

    public String getEnvironment() {
        return environment;
    }

    public void setEnvironment(String environment) {
        this.environment = environment == null ? "" : environment;
    }

    public String getTeam() {
        return team;
    }

    public void setTeam(String team) {
        this.team = team == null ? "" : team;
    }

    public boolean isAutoApprove() {
        return autoApprove;
    }

    public void setAutoApprove(boolean autoApprove) {
        this.autoApprove = autoApprove;
    }

    public String getRequirements() {
        return requirements;
    }

    public void setRequirements(String requirements) {
        this.requirements = requirements == null ? "" : requirements;
    }

    public String getFallbackGroup() {
        return fallbackGroup;
    }

    public void setFallbackGroup(String fallbackGroup) {
        this.fallbackGroup = fallbackGroup == null ? "" : fallbackGroup;
    }
}
