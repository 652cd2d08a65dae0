package org.atelier.scoring;

import java.time.Instant;
import org.atelier.model.ModelDiagnostics;

/**
 * A completed model's diagnostics on another dataset of its project (a later year), stored once computed: the
 * same figures as its training and hold-out parts.
 */
public record OutOfTime(String datasetId, String datasetName, ModelDiagnostics.Part part, Instant computedAt) {
    /** "Out of time: file.csv", as the Diagnostics and Lift tabs title this part. */
    public String title() {
        return "Out of time: " + datasetName;
    }
}
