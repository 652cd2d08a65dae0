package org.atelier.scoring;

/** The steps of a scoring run, as its progress line names them. */
public enum ScoreStage {
    READING_DATA("Reading the data"),
    PREDICTING("Predicting"),
    WRITING("Writing the predictions"),
    COMPUTING_DIAGNOSTICS("Computing diagnostics");

    private final String label;

    ScoreStage(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
