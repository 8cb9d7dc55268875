package io.vendo.request.web;

import jakarta.validation.constraints.Min;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An update of a fleet as its page's form posts it: the version to roll out (none: each environment keeps its own) and
 * the values to change (an empty field keeps each environment's value), besides what a fleet's form asks (why, and how
 * the approved rows are rolled out).
 */
public class FleetUpdateForm extends FleetForm {

    @Min(value = 1, message = "Choose a version of the blueprint")
    private @Nullable Integer version;

    private Map<String, String> values = new LinkedHashMap<>();

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
}
