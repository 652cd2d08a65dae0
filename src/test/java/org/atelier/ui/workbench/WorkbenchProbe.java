package org.atelier.ui.workbench;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.upload.Upload;
import java.util.List;
import org.atelier.data.ColumnProfile;
import org.atelier.ui.common.Badge;

/** Test access to the workbench's parts, so UI tests read what a user sees without CSS selectors. */
public record WorkbenchProbe(WorkbenchView view) {
    public String projectName() {
        return view.header.projectName.text();
    }

    public String datasetIndicator() {
        return view.header.datasetIndicator.getText();
    }

    public Upload upload() {
        return view.spec.upload.upload;
    }

    /** The alert under the upload zone, or "" when there is none. */
    public String uploadError() {
        return view.spec.upload.error.isVisible() ? view.spec.upload.error.getText() : "";
    }

    /** "name dtype" for each row of the column list. */
    public List<String> columnBadges() {
        return view.spec.columnList.getListDataView().getItems().map(c -> c.name() + " " + c.dtype()).toList();
    }

    public Grid<ColumnProfile> profileGrid() {
        return view.results.profile;
    }

    public Grid<List<Object>> previewGrid() {
        return view.results.preview;
    }

    public boolean codePanelVisible() {
        return view.code.isVisible();
    }

    public Component codeToggle() {
        return view.header.codeToggle;
    }

    public org.atelier.ui.spec.SpecEditorProbe editor() {
        return new org.atelier.ui.spec.SpecEditorProbe(view.editor);
    }

    public String fitStatus() {
        return view.header.fitStatus.getText();
    }

    /** What the Model tab shows: the progress line, the error, or the summary text. */
    public String modelPaneText() {
        return view.modelPane.getElement().getTextRecursively();
    }

    public org.atelier.model.ModelDetail shownModel() {
        return view.modelPane.shown;
    }

    public com.vaadin.flow.component.grid.Grid<org.atelier.model.ModelHistoryRow> historyGrid() {
        return view.history.grid;
    }

    /** What a click on a History line does. */
    public void open(String modelId) {
        view.open(modelId);
    }

    public String javaCode() {
        return view.code.java.getText();
    }

    public String pythonCode() {
        return view.code.python.getText();
    }

    public String codeSource() {
        return view.code.source.getText();
    }

    public void selectHistoryTab() {
        view.results.tabs.setSelectedTab(view.results.historyTab);
    }

    public com.vaadin.flow.component.button.Button compareButton() {
        return view.history.compare;
    }

    public org.atelier.ui.results.ResultsTabs resultsTabs() {
        return view.modelPane.results;
    }
}
