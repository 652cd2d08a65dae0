package org.atelier.ui.workbench;

import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.atelier.dataset.DatasetInfo;
import org.atelier.dataset.DatasetService;
import org.atelier.ui.spec.SpecEditor;

/**
 * The left panel. Without a dataset: the upload zone. With one: the dataset (columns, warnings, replace)
 * above the model builder.
 */
class SpecPanel extends Div {
    private final String projectId;
    private final DatasetService datasets;
    private final Executor executor;
    private final Consumer<DatasetInfo> uploaded;
    final SpecEditor editor;
    DatasetUpload upload;
    ColumnList columnList;

    SpecPanel(String projectId, DatasetService datasets, Executor executor, Consumer<DatasetInfo> uploaded,
              SpecEditor editor) {
        this.projectId = projectId;
        this.datasets = datasets;
        this.executor = executor;
        this.uploaded = uploaded;
        this.editor = editor;
        addClassName("atelier-panel");
    }

    void show(DatasetInfo dataset) {
        removeAll();
        editor.setDataset(dataset);
        add(title("Data"));
        if (dataset == null) {
            upload = new DatasetUpload(projectId, datasets, executor, uploaded, false);
            columnList = null;
            add(upload);
            return;
        }
        Span file = new Span(dataset.indicator() + String.format(" · %d columns", dataset.columnCount()));
        file.addClassName("atelier-muted");
        add(file);
        for (String warning : dataset.warnings()) {
            Div alert = new Div(warning);
            alert.addClassNames("atelier-alert", "warning");
            add(alert);
        }
        columnList = new ColumnList(dataset);
        upload = new DatasetUpload(projectId, datasets, executor, uploaded, true);
        Details columns = new Details("Columns (" + dataset.columnCount() + ")", columnList, upload);
        add(columns, editor);
    }

    static Div title(String text) {
        Div title = new Div(text);
        title.addClassName("atelier-panel-title");
        return title;
    }
}
