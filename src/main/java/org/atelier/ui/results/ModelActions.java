package org.atelier.ui.results;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import org.atelier.model.ModelDetail;
import org.atelier.scoring.ScoringService;

/**
 * What a completed model's results offer beside their tabs: "Score data" (predictions on a dataset of the project or
 * a new file, {@link ScoreDialog}) and "Download model", the model file that {@code predict} scores with.
 */
class ModelActions extends HorizontalLayout {
    final Button scoreData = new Button("Score data", VaadinIcon.TABLE.create());
    final Anchor downloadModel;
    ScoreDialog dialog;

    ModelActions(ModelDetail model) {
        setId("model-actions");
        setSpacing(true);
        setPadding(false);
        setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        ScoringService scoring = VaadinService.getCurrent().getInstantiator().getOrCreate(ScoringService.class);
        scoreData.setId("score-data");
        scoreData.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        scoreData.addClickListener(e -> {
            dialog = new ScoreDialog(model, scoring);
            dialog.open();
        });
        downloadModel = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] file = scoring.modelFile(model.id());
            return new DownloadResponse(new ByteArrayInputStream(file), scoring.modelFileName(model.id()),
                    "application/octet-stream", file.length);
        }), "");
        Button label = new Button("Download model", VaadinIcon.DOWNLOAD.create());
        label.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        label.setTabIndex(-1); // the link is what takes the focus and the click
        downloadModel.add(label);
        downloadModel.setId("download-model");
        downloadModel.getElement().setAttribute("download", true);
        downloadModel.getElement().setAttribute("title", "The model file (" + scoring.modelFileName(model.id())
                + ") for java -jar atelier.jar predict --model");
        add(scoreData, downloadModel);
    }
}
