package org.atelier.ui.workbench;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.tabs.TabSheetVariant;
import org.atelier.dataset.DatasetInfo;
import org.atelier.dataset.DatasetService;

/** The centre panel: the dataset's rows and column profiles until a model is fitted. */
class ResultsPanel extends Div {
    private final DatasetService datasets;
    TabSheet tabs;
    PreviewGrid preview;
    ProfileGrid profile;

    ResultsPanel(DatasetService datasets) {
        this.datasets = datasets;
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
            return;
        }
        preview = new PreviewGrid(dataset, datasets);
        profile = new ProfileGrid(dataset);
        tabs = new TabSheet();
        tabs.addThemeVariants(TabSheetVariant.LUMO_TABS_SMALL);
        tabs.setSizeFull();
        tabs.add("Preview", preview);
        tabs.add("Columns", profile);
        add(tabs);
    }
}
