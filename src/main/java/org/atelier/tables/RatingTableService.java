package org.atelier.tables;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.atelier.config.AtelierVersion;
import org.atelier.dataset.DatasetInfo;
import org.atelier.dataset.DatasetService;
import org.atelier.engine.fit.FittedModel;
import org.atelier.engine.fit.ModelSerializer;
import org.atelier.engine.rating.RatingTableBuilder;
import org.atelier.engine.rating.RatingTables;
import org.atelier.model.ModelDetail;
import org.atelier.model.ModelService;
import org.atelier.model.ModelStatus;
import org.atelier.project.ProjectService;
import org.springframework.stereotype.Service;

/**
 * A completed model's rating tables as a file: built from the stored model (its serialised coefficients and
 * encoders, no refit) and the dataset it was fitted on (exposure per level, the bands of continuous terms).
 */
@Service
public class RatingTableService {
    private final ModelService models;
    private final DatasetService datasets;
    private final ProjectService projects;

    public RatingTableService(ModelService models, DatasetService datasets, ProjectService projects) {
        this.models = models;
        this.datasets = datasets;
        this.projects = projects;
    }

    /** A file to download: its name, media type and content. */
    public record TableFile(String fileName, String mediaType, byte[] content) {
    }

    /** @throws IllegalArgumentException when the model is not completed or its dataset is gone */
    public TableFile export(String modelId, TableFormat format) {
        ModelDetail detail = models.get(modelId);
        if (detail.status() != ModelStatus.COMPLETED) {
            throw new IllegalArgumentException("Model " + detail.label() + " is not completed: it has no rating tables");
        }
        byte[] bytes = models.modelBytes(modelId);
        if (bytes == null) {
            throw new IllegalArgumentException("Model " + detail.label() + " has no stored fit");
        }
        FittedModel model = ModelSerializer.read(bytes);
        DatasetInfo dataset = datasets.get(detail.datasetId());
        RatingTables tables = RatingTableBuilder.onDataset(model, datasets.frame(detail.datasetId()), java.util.Map.of());
        TableSource source = new TableSource(projects.get(detail.projectId()).name(), detail.label(), dataset.name(),
                dataset.rowCount(), model.spec(), model.link().id(), detail.createdAt(), AtelierVersion.get());
        return new TableFile(format.fileName(projects.get(detail.projectId()).name() + "-" + detail.label()), format.mediaType(),
                write(tables, source, format));
    }

    public static byte[] write(RatingTables tables, TableSource source, TableFormat format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            switch (format) {
                case CSV -> CsvTables.zip(tables, source, out);
                case XLSX -> XlsxTables.write(tables, source, out);
                case RATING_ENGINE_CSV -> CsvTables.stacked(tables, out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
