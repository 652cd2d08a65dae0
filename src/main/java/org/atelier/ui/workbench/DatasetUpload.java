package org.atelier.ui.workbench;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.atelier.data.DatasetLimits;
import org.atelier.dataset.DatasetInfo;
import org.atelier.dataset.DatasetService;
import org.atelier.ui.common.UiAccess;
import org.atelier.ui.common.UserMessages;

/**
 * Drag-and-drop upload of a CSV or Parquet file. The file streams into ATELIER_HOME/uploads; once complete
 * it is read and profiled in the background (the page stays responsive) and only then becomes the
 * project's dataset. Any problem shows as a red alert naming it; an existing dataset stays as it was.
 */
class DatasetUpload extends VerticalLayout {
    final Upload upload;
    final Div error = new Div();
    final ProgressBar processing = new ProgressBar();
    final Span processingText = new Span();
    private UI attachedUi;

    DatasetUpload(String projectId, DatasetService datasets, Executor executor, Consumer<DatasetInfo> uploaded,
                  boolean compact) {
        setPadding(false);
        setSpacing(false);
        // The body streams into uploads/ through DatasetService.receive, which stops at the upload limit: the
        // browser's own size check can be bypassed, and Vaadin's file handlers only checked the size once the whole
        // body was on disk.
        upload = new Upload((UploadHandler) event -> {
            UI ui = attachedUi; // the handler runs on the upload's request thread, outside the UI
            String fileName = event.getFileName();
            Path file;
            try {
                if (event.getFileSize() > datasets.maxUploadBytes()) {
                    throw DatasetLimits.uploadTooLarge(fileName, datasets.maxUploadBytes());
                }
                file = datasets.receive(fileName, event.getInputStream());
            } catch (RuntimeException e) {
                event.reject(UserMessages.of(e));
                UiAccess.run(ui, () -> showError(UserMessages.of(e)));
                return;
            }
            UiAccess.run(ui, () -> showProcessing(fileName));
            CompletableFuture.supplyAsync(() -> datasets.upload(projectId, fileName, file), executor)
                    .whenComplete((dataset, failure) -> UiAccess.run(ui, () -> {
                        processing.setVisible(false);
                        processingText.setVisible(false);
                        if (failure != null) {
                            showError(UserMessages.of(failure));
                        } else {
                            uploaded.accept(dataset);
                        }
                    }));
        });
        upload.setAcceptedFileTypes(".csv", ".gz", ".parquet");
        upload.setMaxFiles(1);
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, datasets.maxUploadBytes()));
        upload.setDropLabel(new Span(compact ? "Drop a CSV or Parquet file to replace the dataset"
                : "Drop CSV (or .csv.gz) or Parquet file, up to " + DatasetLimits.describe(datasets.maxUploadBytes())));
        upload.setUploadButton(new Button(compact ? "Replace dataset…" : "or click to browse"));
        upload.setWidthFull();
        if (!compact) {
            upload.addClassName("atelier-dropzone");
        }
        upload.addFileRejectedListener(e -> showError(rejection(e.getFileName(), e.getErrorMessage(),
                datasets.maxUploadBytes())));
        upload.addFailedListener(e -> showError("Upload of " + e.getFileName() + " failed: "
                + (e.getReason() == null ? "connection interrupted" : e.getReason().getMessage())));
        upload.addStartedListener(e -> error.setVisible(false));

        processing.setIndeterminate(true);
        processing.setVisible(false);
        processingText.addClassName("atelier-muted");
        processingText.setVisible(false);
        error.addClassName("atelier-alert");
        error.setVisible(false);
        error.setWidthFull();
        add(upload, processing, processingText, error);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        attachedUi = event.getUI();
    }

    private void showProcessing(String fileName) {
        error.setVisible(false);
        processing.setVisible(true);
        processingText.setText("Reading and profiling " + fileName + "…");
        processingText.setVisible(true);
    }

    void showError(String message) {
        error.setText(message);
        error.setVisible(true);
        upload.clearFileList();
    }

    static String rejection(String fileName, String clientMessage, long maxBytes) {
        String lower = fileName == null ? "" : fileName.toLowerCase();
        if (!lower.endsWith(".csv") && !lower.endsWith(".csv.gz") && !lower.endsWith(".parquet")) {
            int dot = lower.lastIndexOf('.');
            return "Unsupported file format: " + (dot < 0 ? fileName : fileName.substring(dot))
                    + " (upload a .csv, .csv.gz or .parquet file)";
        }
        if (clientMessage != null && clientMessage.toLowerCase().contains("big")) {
            return DatasetLimits.uploadTooLarge(fileName, maxBytes).getMessage();
        }
        return fileName + " was rejected: " + clientMessage;
    }
}
