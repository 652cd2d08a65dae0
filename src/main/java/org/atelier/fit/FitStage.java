package org.atelier.fit;

import org.atelier.engine.fit.FitMonitor;

/** The stages a fit goes through, as the progress display names them (and its stored timings are keyed). */
public enum FitStage {
    QUEUED("Queued"),
    LOADING_DATA("Loading data"),
    BUILDING_DESIGN("Building design"),
    ITERATING("Iterating"),
    LAMBDA_SEARCH("λ search"),
    CV_PATH("Cross-validating"),
    FINAL_REFIT("Final refit"),
    COMPUTING_DIAGNOSTICS("Computing diagnostics"),
    SAVING("Saving");

    private final String label;

    FitStage(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The stage the engine reports, under its name here. */
    static FitStage of(FitMonitor.Stage stage) {
        return switch (stage) {
            case BUILDING_DESIGN -> BUILDING_DESIGN;
            case ITERATING -> ITERATING;
            case LAMBDA_SEARCH -> LAMBDA_SEARCH;
            case CV_PATH -> CV_PATH;
            case FINAL_REFIT -> FINAL_REFIT;
        };
    }
}
