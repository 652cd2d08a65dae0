package org.atelier.ui.report;

/** How the report sits on A4. */
enum Orientation {
    PORTRAIT("Portrait"), LANDSCAPE("Landscape");

    private final String label;

    Orientation(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    /** The CSS page size keyword after "A4". */
    String css() {
        return this == PORTRAIT ? "portrait" : "landscape";
    }
}
