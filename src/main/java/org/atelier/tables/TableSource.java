package org.atelier.tables;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.atelier.engine.spec.ModelSpec;

/**
 * Where a set of rating tables comes from, as the overview states it: the project, the model (version and name),
 * the dataset it was fitted on and the spec's response, family, link, offset and weights, when it was fitted and
 * by which Atelier. Parts that are not known (a model file read without its project) are null and left out.
 */
public record TableSource(String project, String model, String dataset, Integer datasetRows, ModelSpec spec,
                          String link, Instant fittedAt, String atelierVersion) {

    /** The overview's metadata lines, label then value. */
    public List<String[]> lines() {
        List<String[]> lines = new ArrayList<>();
        add(lines, "Project", project);
        add(lines, "Model", model);
        add(lines, "Dataset", dataset);
        add(lines, "Rows", datasetRows == null ? null : datasetRows.toString());
        add(lines, "Response", spec.response());
        add(lines, "Family", spec.family());
        add(lines, "Link", link);
        add(lines, "Offset", spec.offset() == null ? "none" : spec.offset());
        add(lines, "Weights", spec.weights());
        add(lines, "Fitted", fittedAt == null ? null : fittedAt.toString());
        add(lines, "Atelier version", atelierVersion);
        return lines;
    }

    private static void add(List<String[]> lines, String label, String value) {
        if (value != null && !value.isBlank()) {
            lines.add(new String[] {label, value});
        }
    }
}
