package org.atelier.ui.results;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.server.HttpStatusCode;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;
import org.atelier.model.ModelDetail;
import org.atelier.tables.RatingTableService;
import org.atelier.tables.RatingTableService.TableFile;
import org.atelier.tables.TableFormat;
import org.atelier.ui.common.Notifications;
import org.atelier.ui.common.UiAccess;
import org.atelier.ui.common.UserMessages;

/**
 * "Export rating tables" of a completed model: a ZIP of per-factor CSV files, an XLSX workbook and the stacked
 * rating-engine CSV, each a download built when it is clicked (from the stored model and its dataset). A model
 * whose tables cannot be built (its dataset was deleted) gets the reason as a notification instead of a file.
 */
public class RatingTableExports extends Div {
    final Map<TableFormat, Anchor> links = new EnumMap<>(TableFormat.class);

    RatingTableExports(Function<TableFormat, TableFile> export) {
        setId("rating-table-exports");
        addClassName("atelier-rating-exports");
        getStyle().set("display", "flex").set("gap", "var(--lumo-space-s)").set("align-items", "center")
                .set("font-size", "var(--lumo-font-size-s)");
        Span label = new Span("Export rating tables:");
        label.getStyle().set("color", "var(--lumo-secondary-text-color)");
        add(label);
        for (TableFormat format : TableFormat.values()) {
            Anchor link = new Anchor(DownloadHandler.fromInputStream(event -> {
                try {
                    TableFile file = export.apply(format);
                    return new DownloadResponse(new ByteArrayInputStream(file.content()), file.fileName(),
                            file.mediaType(), file.content().length);
                } catch (RuntimeException e) {
                    UI ui = event.getUI();
                    if (ui != null) {
                        UiAccess.run(ui, () -> Notifications.error("Could not export the rating tables: " + UserMessages.of(e)));
                    }
                    return DownloadResponse.error(HttpStatusCode.INTERNAL_SERVER_ERROR, UserMessages.of(e));
                }
            }), format.label());
            link.setId("export-tables-" + format.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            link.getElement().setAttribute("title", tooltip(format));
            links.put(format, link);
            add(link);
        }
    }

    /** The exports of a stored model through the {@link RatingTableService}; null outside a Vaadin session. */
    static RatingTableExports of(ModelDetail model) {
        VaadinService vaadin = VaadinService.getCurrent();
        if (vaadin == null) {
            return null;
        }
        RatingTableService service = vaadin.getInstantiator().getOrCreate(RatingTableService.class);
        return new RatingTableExports(format -> service.export(model.id(), format));
    }

    private static String tooltip(TableFormat format) {
        return switch (format) {
            case CSV -> "A ZIP with overview.csv and one CSV per factor";
            case XLSX -> "A workbook: an overview sheet and one sheet per factor";
            case RATING_ENGINE_CSV -> "One CSV: factor, level, relativity, ci_lower, ci_upper, exposure; base rate first";
        };
    }
}
