package org.atelier.fit;

/** The stages a fit goes through, as the progress display names them. */
public enum FitStage {
    QUEUED("Queued"),
    LOADING_DATA("Loading data"),
    BUILDING_DESIGN("Building design"),
    ITERATING("Iterating"),
    COMPUTING_DIAGNOSTICS("Computing diagnostics"),
    SAVING("Saving");

    private final String label;

    FitStage(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
