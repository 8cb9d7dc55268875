package io.vendo.request.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** The fleet upload's fields besides its CSV file: why, and how the approved rows are rolled out. */
public class FleetForm {

    @NotBlank(message = "Say why these are needed: approvers read it")
    @Size(max = 2000, message = "Keep the justification to 2,000 characters")
    private String justification = "";

    @Min(value = 1, message = "At least 1 row at a time")
    @Max(value = 1000, message = "At most 1,000 rows at a time")
    private @Nullable Integer maxInFlight;

    @Min(value = 1, message = "Pause after at least 1 failure")
    @Max(value = 1000, message = "Pause after at most 1,000 failures")
    private @Nullable Integer pauseAfterFailures;

    private String formToken = "";

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
