package org.atelier.ui.workbench;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.function.Consumer;
import org.atelier.dataset.DatasetInfo;
import org.atelier.dataset.DatasetService;

/**
 * The Data tab: the preview grid, built when the tab is first shown, and for a wide file a window of
 * {@link #WINDOW} columns at a time with buttons to the previous and next ones. A grid column is a server-side
 * component each: a 10,000-column grid took 9-31 s of the server to build (on the loaded test machine) whether or
 * not the tab was ever looked at, and sent every column's cells with each page of rows.
 */
class PreviewPanel extends VerticalLayout {
    /** Columns shown at a time in a wide file. */
    static final int WINDOW = 100;

    private final DatasetInfo dataset;
    private final DatasetService datasets;
    private final Consumer<PreviewGrid> shown;
    private int first;
    private final Span range = new Span();
    private final Button previous = new Button("Previous columns", e -> showFrom(first - WINDOW));
    private final Button next = new Button("Next columns", e -> showFrom(first + WINDOW));
    private PreviewGrid grid;

    /** {@code shown}: told of each grid put on screen (the results panel keeps the current one). */
    PreviewPanel(DatasetInfo dataset, DatasetService datasets, Consumer<PreviewGrid> shown) {
        this.dataset = dataset;
        this.datasets = datasets;
        this.shown = shown;
        setSizeFull();
        setPadding(false);
        setSpacing(false);
        previous.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        next.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        range.addClassName("atelier-muted");
        if (dataset.columnCount() > WINDOW) {
            HorizontalLayout bar = new HorizontalLayout(range, previous, next);
            bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
            add(bar);
        }
    }

    /** Builds the grid the first time the tab is shown. */
    void ensureBuilt() {
        if (grid == null) {
            showFrom(0);
        }
    }

    private void showFrom(int from) {
        first = Math.clamp(from, 0, Math.max(0, dataset.columnCount() - 1));
        int to = Math.min(dataset.columnCount(), first + WINDOW);
        if (grid != null) {
            remove(grid);
        }
        grid = dataset.columnCount() > WINDOW ? new PreviewGrid(dataset, datasets, first, to)
                : new PreviewGrid(dataset, datasets);
        range.setText(String.format("Columns %,d–%,d of %,d", first + 1, to, dataset.columnCount()));
        previous.setEnabled(first > 0);
        next.setEnabled(to < dataset.columnCount());
        add(grid);
        setFlexGrow(1, grid);
        shown.accept(grid);
    }
}
