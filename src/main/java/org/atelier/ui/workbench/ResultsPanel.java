package org.atelier.ui.workbench;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.tabs.TabSheetVariant;
import org.atelier.dataset.DatasetInfo;
import org.atelier.dataset.DatasetService;
import org.atelier.ui.explore.ExploreTab;

/** The centre panel: the current model, the project's model history, and the dataset's rows and columns. */
class ResultsPanel extends Div {
    private final DatasetService datasets;
    final ModelPane model;
    final HistoryGrid history;
    TabSheet tabs;
    Tab modelTab;
    Tab historyTab;
    Tab dataTab;
    /** The Data tab's grid; for a wide file null until the tab is first shown. */
    PreviewGrid preview;
    ProfileGrid profile;
    final ExploreTab explore;

    ResultsPanel(DatasetService datasets, ModelPane model, HistoryGrid history, ExploreTab explore) {
        this.datasets = datasets;
        this.explore = explore;
        this.model = model;
        this.history = history;
        addClassName("atelier-panel");
        getStyle().set("display", "flex").set("flex-direction", "column");
    }

    void show(DatasetInfo dataset) {
        removeAll();
        if (dataset == null) {
            Div empty = new Div("Upload a CSV or Parquet portfolio in the panel on the left to begin.");
            empty.addClassName("atelier-empty");
            add(empty);
            tabs = null;
            preview = null;
            profile = null;
            explore.show(null);
            return;
        }
        preview = null;
        PreviewPanel data = new PreviewPanel(dataset, datasets, grid -> preview = grid);
        profile = new ProfileGrid(dataset);
        tabs = new TabSheet();
        tabs.addThemeVariants(TabSheetVariant.LUMO_TABS_SMALL);
        tabs.setSizeFull();
        modelTab = tabs.add("Model", model);
        historyTab = tabs.add("History", history);
        dataTab = tabs.add("Data", data);
        if (dataset.columnCount() <= PreviewGrid.LAZY_COLUMNS_FROM) {
            data.ensureBuilt(); // a few columns cost nothing: the grid is there at once, as before
        }
        tabs.addSelectedChangeListener(e -> {
            if (e.getSelectedTab() == dataTab) {
                data.ensureBuilt();
            }
        });
        tabs.add("Columns", profile);
        tabs.add("Explore", explore);
        explore.show(dataset);
        add(tabs);
    }

    void showModelTab() {
        if (tabs != null) {
            tabs.setSelectedTab(modelTab);
        }
    }
}
