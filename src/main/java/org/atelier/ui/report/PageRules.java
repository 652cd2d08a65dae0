package org.atelier.ui.report;

/**
 * The report's print page: A4 in the chosen orientation, and in its margins the running header (project, model
 * version and name) and the page numbers, as CSS page-margin boxes (Chromium prints them since version 131). They
 * live in a style element of the report page only, so printing any other page of the app is untouched.
 */
final class PageRules {
    /** The page margins; report.css sizes the on-screen sheet with the same figures. */
    static final String MARGINS = "16mm 14mm 16mm 14mm";

    private PageRules() {
    }

    static String css(String header, String footer, Orientation orientation) {
        String box = "font-family: -apple-system, 'Segoe UI', Roboto, sans-serif; font-size: 8pt; color: #555;";
        return "@page { size: A4 " + orientation.css() + "; margin: " + MARGINS + ";"
                + " @top-left { content: " + string(header) + "; " + box + " }"
                + " @top-right { content: \"Atelier model report\"; " + box + " }"
                + " @bottom-left { content: " + string(footer) + "; " + box + " }"
                + " @bottom-right { content: \"Page \" counter(page) \" of \" counter(pages); " + box + " } }";
    }

    /** A CSS string literal: quotes and backslashes escaped, a line break as \A, so a model name cannot end it. */
    static String string(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : (text == null ? "" : text).toCharArray()) {
            switch (c) {
                case '"', '\\' -> out.append('\\').append(c);
                case '\n', '\r' -> out.append("\\A ");
                default -> out.append(c < 0x20 ? ' ' : c);
            }
        }
        return out.append('"').toString();
    }
}
