package org.atelier.ui.spec;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.atelier.data.ColumnProfile;
import org.atelier.data.Profiler;
import org.atelier.engine.spec.TermSpec;
import org.atelier.ui.common.Badge;

/**
 * "+ Add factor": a searchable list of the columns not yet in the model, each with its dtype and
 * distinct count; picking one adds it with the smart default type. A name typed and entered adds its column too
 * (the one column it names, or the only one whose name contains it); text that names none, or several, says so in
 * the field.
 * "+ Expression" adds a derived term.
 */
class AddFactorBox extends HorizontalLayout {
    final ComboBox<ColumnProfile> column = new ComboBox<>();
    final Button expression = new Button("Expression", VaadinIcon.PLUS.create());
    private List<ColumnProfile> available = List.of();

    AddFactorBox(Consumer<TermSpec> add) {
        setWidthFull();
        setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        column.setPlaceholder("+ Add factor");
        column.setId("spec-add-factor");
        column.setMinWidth("8rem"); // beside "Expression" when the panel has room, above it when not
        column.setItemLabelGenerator(ColumnProfile::name);
        column.setRenderer(new ComponentRenderer<>(c -> {
            HorizontalLayout item = new HorizontalLayout(new Span(c.name()),
                    new Badge(c.dtype(), c.isNumeric() ? "numeric" : "string"));
            Span unique = new Span(String.format("%,d", c.nUnique()));
            unique.addClassName("atelier-muted");
            item.add(unique);
            item.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
            return item;
        }));
        column.addValueChangeListener(e -> {
            if (e.isFromClient() || e.getValue() != null) {
                ColumnProfile picked = e.getValue();
                if (picked != null) {
                    column.setInvalid(false);
                    column.clear();
                    add.accept(smartDefault(picked));
                }
            }
        });
        // Enter on typed text the list did not select (no item highlighted): the column it names, if it names one
        column.setAllowCustomValue(true);
        column.addCustomValueSetListener(e -> {
            List<ColumnProfile> matching = matching(e.getDetail());
            String typed = e.getDetail().strip();
            if (matching.size() == 1) {
                column.setInvalid(false);
                column.clear();
                add.accept(smartDefault(matching.getFirst()));
                return;
            }
            column.setErrorMessage(matching.isEmpty() ? "No column to add is named '" + typed + "'"
                    : "'" + typed + "' matches " + String.join(", ", matching.stream().map(ColumnProfile::name)
                            .toList()) + ": pick one");
            column.setInvalid(true);
        });
        expression.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        expression.setTooltipText("Add a term computed from columns, e.g. log(Density)");
        add(column, expression);
        setFlexGrow(1, column);
        setWrap(true);
    }

    void setAvailable(List<ColumnProfile> columns) {
        available = List.copyOf(columns);
        column.setItems((c, filter) -> c.name().toLowerCase(Locale.ROOT).contains(filter.toLowerCase(Locale.ROOT)),
                columns);
    }

    /** The columns {@code text} may name: the one with that whole name (any case), else those containing it. */
    List<ColumnProfile> matching(String text) {
        String wanted = text.strip().toLowerCase(Locale.ROOT);
        if (wanted.isEmpty()) {
            return List.of();
        }
        List<ColumnProfile> exact = available.stream()
                .filter(c -> c.name().toLowerCase(Locale.ROOT).equals(wanted)).toList();
        return !exact.isEmpty() ? exact
                : available.stream().filter(c -> c.name().toLowerCase(Locale.ROOT).contains(wanted)).toList();
    }

    /** The type a new factor starts with: text → categorical; numeric with at most 20 distinct values → categorical; else linear. */
    static TermSpec smartDefault(ColumnProfile c) {
        boolean categorical = !c.isNumeric() || c.nUnique() <= Profiler.CATEGORICAL_MAX_LEVELS;
        return categorical ? TermSpec.categorical(c.name()) : TermSpec.linear(c.name());
    }
}
