package org.atelier.ui.results;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import org.atelier.data.ColumnProfile;
import org.atelier.dataset.DatasetInfo;
import org.atelier.model.ModelDetail;
import org.atelier.scoring.ScoreListener;
import org.atelier.scoring.ScoreStage;
import org.atelier.scoring.ScoredFile;
import org.atelier.scoring.ScoringService;
import org.atelier.ui.common.UiAccess;
import org.atelier.ui.common.UserMessages;

/**
 * "Score data": a completed model's predictions (μ and the rate) on a dataset of the project or on a new file, with
 * the ID columns the user picks, computed in the background from the stored model (never a refit), with progress
 * and Cancel, then offered as a CSV download.
 */
class ScoreDialog extends Dialog {
    static final String PROJECT_DATA = "A dataset of the project";
    static final String NEW_FILE = "A new file";
    /** Columns that look like a policy or row identifier, picked as the ID column by default. */
    private static final Pattern ID_LIKE = Pattern.compile("(?i)^(id.*|.*[_ ]?id|.*pol(icy)?.*|.*ref)$");

    final RadioButtonGroup<String> from = new RadioButtonGroup<>();
    final Select<DatasetInfo> dataset = new Select<>();
    final Upload upload;
    final Span uploadStatus = new Span();
    final MultiSelectComboBox<String> ids = new MultiSelectComboBox<>("ID columns");
    final Button score = new Button("Score", VaadinIcon.PLAY.create());
    final Button cancel = new Button("Cancel");
    final ProgressBar progress = new ProgressBar();
    final Span status = new Span();
    final Div result = new Div();
    Anchor download;
    private final ModelDetail model;
    private final ScoringService scoring;
    private ScoringService.UploadedData uploaded;
    private String runId;

    ScoreDialog(ModelDetail model, ScoringService scoring) {
        this.model = model;
        this.scoring = scoring;
        setHeaderTitle("Score data with " + model.label());
        setId("score-dialog");
        setWidth("34rem");
        Span what = new Span("Predictions from the stored model (no refit): mu, the expected value with the row's"
                + " exposure, and rate, per unit of exposure, beside the ID columns you choose.");
        what.addClassName("atelier-muted");

        from.setItems(PROJECT_DATA, NEW_FILE);
        from.setValue(PROJECT_DATA);
        from.addValueChangeListener(e -> showSource());
        dataset.setLabel("Dataset");
        dataset.setId("score-dataset");
        dataset.setItemLabelGenerator(d -> d == null ? "" : d.indicator()
                + (d.id().equals(model.datasetId()) ? " (fitted on it)" : ""));
        List<DatasetInfo> all = scoring.datasets(model.projectId());
        dataset.setItems(all);
        dataset.setWidthFull();
        dataset.addValueChangeListener(e -> offerIds(e.getValue() == null ? List.of()
                : e.getValue().columns().stream().map(ColumnProfile::name).toList()));
        upload = new Upload(UploadHandler.toFile((metadata, file) -> {
            UI ui = getUI().orElse(null);
            if (ui == null) {
                return;
            }
            UiAccess.run(ui, () -> uploadStatus.setText("Reading " + metadata.fileName() + "…"));
            read(ui, file.toPath(), metadata.fileName());
        }, metadata -> scoring.newUploadFile(metadata.fileName()).toFile()));
        upload.setAcceptedFileTypes(".csv", ".parquet");
        upload.setMaxFiles(1);
        upload.setUploadButton(new Button("Choose a CSV or Parquet file…"));
        upload.setDropLabel(new Span("or drop it here (it is scored only, not added to the project)"));
        upload.setWidthFull();
        ids.setId("score-ids");
        ids.setWidthFull();
        ids.setHelperText("Written before mu and rate, as the data has them");

        score.setId("score-run");
        score.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        score.addClickListener(e -> start());
        cancel.setId("score-cancel");
        cancel.addThemeVariants(ButtonVariant.LUMO_ERROR);
        cancel.addClickListener(e -> scoring.cancel(runId));
        cancel.setVisible(false);
        progress.setVisible(false);
        status.setId("score-status");
        result.setId("score-result");
        Button close = new Button("Close", e -> close());
        getFooter().add(close, cancel, score);

        VerticalLayout body = new VerticalLayout(what, from, dataset, upload, uploadStatus, ids, progress, status, result);
        body.setPadding(false);
        add(body);
        all.stream().filter(d -> !d.id().equals(model.datasetId())).findFirst()
                .or(() -> all.stream().findFirst()).ifPresent(dataset::setValue);
        showSource();
    }

    private void showSource() {
        boolean project = PROJECT_DATA.equals(from.getValue());
        dataset.setVisible(project);
        upload.setVisible(!project);
        uploadStatus.setVisible(!project);
        if (project) {
            DatasetInfo d = dataset.getValue();
            offerIds(d == null ? List.of() : d.columns().stream().map(ColumnProfile::name).toList());
        } else {
            offerIds(uploaded == null ? List.of() : uploaded.columns());
        }
    }

    private void read(UI ui, Path file, String name) {
        CompletableFuture.supplyAsync(() -> scoring.readUpload(file, name)).whenComplete((data, error) -> UiAccess.run(ui, () -> {
            upload.clearFileList();
            if (error != null) {
                uploaded = null;
                uploadStatus.setText(UserMessages.of(error));
                uploadStatus.addClassName("atelier-alert");
            } else {
                uploaded = data;
                uploadStatus.removeClassName("atelier-alert");
                uploadStatus.setText(String.format(Locale.ROOT, "%s · %,d rows", data.name(), data.rows()));
            }
            showSource();
        }));
    }

    /** The columns to pick IDs from, one that looks like an identifier picked already. */
    private void offerIds(List<String> columns) {
        ids.clear();
        ids.setItems(columns);
        columns.stream().filter(c -> ID_LIKE.matcher(c).matches()).findFirst().ifPresent(c -> ids.select(c));
    }

    /** The chosen data, or null (with the reason shown) when none is chosen yet. */
    private ScoringService.Source source() {
        if (PROJECT_DATA.equals(from.getValue())) {
            DatasetInfo d = dataset.getValue();
            return d == null ? null : new ScoringService.DatasetSource(d.id(), d.name());
        }
        return uploaded == null ? null : uploaded.source();
    }

    void start() {
        ScoringService.Source source = source();
        if (source == null) {
            status.setText(PROJECT_DATA.equals(from.getValue()) ? "Choose a dataset to score"
                    : "Upload the file to score first");
            return;
        }
        UI ui = UI.getCurrent();
        result.removeAll();
        download = null;
        running(true);
        status.setText("Starting…");
        List<String> idColumns = ids.getSelectedItems().stream().sorted(this::columnOrder).toList();
        try {
            runId = scoring.score(model.id(), source, idColumns, new ScoreListener<>() {
                @Override
                public void progress(ScoreStage stage, double fraction) {
                    UiAccess.run(ui, () -> showProgress(stage, fraction));
                }

                @Override
                public void finished(ScoredFile file) {
                    UiAccess.run(ui, () -> showResult(file));
                }

                @Override
                public void failed(String message) {
                    UiAccess.run(ui, () -> stopped("Scoring failed: " + message));
                }

                @Override
                public void cancelled() {
                    UiAccess.run(ui, () -> stopped("Scoring cancelled"));
                }
            });
        } catch (RuntimeException e) {
            stopped("Could not start scoring: " + UserMessages.of(e));
        }
    }

    /** ID columns in the data's order, whatever order they were picked in. */
    private int columnOrder(String a, String b) {
        List<String> items = ids.getListDataView().getItems().toList();
        return Integer.compare(items.indexOf(a), items.indexOf(b));
    }

    private void showProgress(ScoreStage stage, double fraction) {
        progress.setIndeterminate(Double.isNaN(fraction));
        if (!Double.isNaN(fraction)) {
            progress.setValue(Math.clamp(fraction, 0, 1));
        }
        status.setText(stage.label() + (Double.isNaN(fraction) ? "…"
                : String.format(Locale.ROOT, " %.0f%%", 100 * fraction)));
    }

    private void showResult(ScoredFile file) {
        running(false);
        status.setText(String.format(Locale.ROOT, "Scored %,d rows in %.1f s.", file.rows(), file.millis() / 1000.0));
        download = new Anchor(DownloadHandler.fromInputStream(event -> {
            Path path = scoring.predictionsFile(file.id()).orElse(null);
            if (path == null) {
                return DownloadResponse.error(410, "These predictions are no longer kept: score again");
            }
            try {
                return new DownloadResponse(Files.newInputStream(path), file.fileName(), "text/csv", Files.size(path));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }), "Download " + file.fileName());
        download.setId("score-download");
        download.getElement().setAttribute("download", true);
        result.add(VaadinIcon.DOWNLOAD.create(), download);
    }

    private void stopped(String message) {
        running(false);
        status.setText(message);
    }

    private void running(boolean running) {
        score.setEnabled(!running);
        cancel.setVisible(running);
        progress.setVisible(running);
        progress.setIndeterminate(true);
    }
}
