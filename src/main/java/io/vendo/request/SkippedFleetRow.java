package io.vendo.request;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A row of a fleet that an update of it left out, and why: part of the update's {@link RequestBatch}. */
@Embeddable
class SkippedFleetRow {

    @Column(name = "fleet_row", nullable = false)
    private int fleetRow;

    @Column(nullable = false)
    private String reason;

    protected SkippedFleetRow() {}

    SkippedFleetRow(int fleetRow, String reason) {
        this.fleetRow = fleetRow;
        this.reason = reason;
    }

    int fleetRow() {
        return fleetRow;
    }

    String reason() {
        return reason;
    }

    BatchView.Skipped toView() {
        return new BatchView.Skipped(fleetRow, reason);
    }
}
