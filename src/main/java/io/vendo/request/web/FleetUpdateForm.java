package io.vendo.request.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An update of a fleet as its page's form posts it: the version to roll out (none: each environment keeps its own), the
 * values to change (an empty field keeps each environment's value), why, and how the approved rows are rolled out.
 */
public class FleetUpdateForm {

    @Min(value = 1, message = "Choose a version of the blueprint")
    private @Nullable Integer version;

    private Map<String, String> values = new LinkedHashMap<>();

    @NotBlank(message = "Say why the fleet should change: approvers read it")
    @Size(max = 2000, message = "Keep the justification to 2,000 characters")
    private String justification = "";

    @Min(value = 1, message = "At least 1 row at a time")
    @Max(value = 1000, message = "At most 1,000 rows at a time")
    private @Nullable Integer maxInFlight;

    @Min(value = 1, message = "Pause after at least 1 failure")
    @Max(value = 1000, message = "Pause after at most 1,000 failures")
    private @Nullable Integer pauseAfterFailures;

    private String formToken = "";

    /** The values typed in: an empty field changes nothing. */
    Map<String, String> changedValues() {
        var changed = new LinkedHashMap<String, String>();
        values.forEach((name, value) -> {
            if (value != null && !value.isBlank()) {
                changed.put(name, value.strip());
            }
        });
        return changed;
    }

    public @Nullable Integer getVersion() {
        return version;
    }

    public void setVersion(@Nullable Integer version) {
        this.version = version;
    }

    public Map<String, String> getValues() {
        return values;
    }

    public void setValues(Map<String, String> values) {
        this.values = values;
    }

    public String getJustification() {
        return justification;
    }

    public void setJustification(String justification) {
        this.justification = justification;
    }

    public @Nullable Integer getMaxInFlight() {
        return maxInFlight;
    }

    public void setMaxInFlight(@Nullable Integer maxInFlight) {
        this.maxInFlight = maxInFlight;
    }

    public @Nullable Integer getPauseAfterFailures() {
        return pauseAfterFailures;
    }

    public void setPauseAfterFailures(@Nullable Integer pauseAfterFailures) {
        this.pauseAfterFailures = pauseAfterFailures;
    }

    public String getFormToken() {
        return formToken;
    }

    public void setFormToken(String formToken) {
        this.formToken = formToken;
    }
}
