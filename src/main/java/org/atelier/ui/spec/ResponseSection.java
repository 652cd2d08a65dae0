package org.atelier.ui.spec;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.shared.HasValidationProperties;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.data.renderer.LitRenderer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.atelier.data.ColumnProfile;
import org.atelier.engine.spec.FamilyChoice;
import org.atelier.ui.common.Badge;

/** Response, family, link, Tweedie power, NegBin θ, offset, weights and intercept: the top of the spec panel. */
class ResponseSection extends Div {
    static final String NONE = "None";
    // column pickers are combo boxes: they load their items lazily (a Select puts every column in the page, 10,000
    // of them for a wide file) and filter as the user types a column's name
    final ComboBox<String> response = new ComboBox<>();
    final Select<String> family = new Select<>();
    final Select<String> link = new Select<>();
    final NumberField varPower = new NumberField("Tweedie var_power");
    final NumberField theta = new NumberField("θ");
    final Checkbox thetaAuto = new Checkbox("Auto (estimate θ)");
    final ComboBox<String> offset = new ComboBox<>();
    final ComboBox<String> weights = new ComboBox<>();
    final Checkbox intercept = new Checkbox("Intercept");
    private final SpecDraft draft;
    private final Runnable changed;
    private boolean updating;

    ResponseSection(SpecDraft draft, Runnable changed) {
        this.draft = draft;
        this.changed = changed;
        response.setLabel("Response");
        response.setId("spec-response");
        response.setPlaceholder("Select a response");
        family.setLabel("Family");
        family.setId("spec-family");
        family.setItems(FamilyOption.ALL.stream().map(FamilyOption::id).toList());
        family.setItemLabelGenerator(id -> FamilyOption.of(id).label());
        family.setRenderer(new ComponentRenderer<>(id -> {
            Div item = new Div(new Span(FamilyOption.of(id).label()));
            Span description = new Span(FamilyOption.of(id).description());
            description.addClassName("atelier-muted");
            description.getStyle().set("display", "block");
            item.add(description);
            return item;
        }));
        link.setLabel("Link");
        link.setId("spec-link");
        varPower.setMin(1);
        varPower.setMax(2);
        varPower.setStep(0.05);
        varPower.setStepButtonsVisible(true);
        theta.setMin(0);
        offset.setLabel("Offset");
        offset.setId("spec-offset");
        offset.setTooltipText("Fixed additive term in the linear predictor (e.g., log(Exposure) for frequency models)");
        weights.setLabel("Weights");
        weights.setId("spec-weights");
        weights.setTooltipText("Observation-level prior weights");
        for (com.vaadin.flow.component.Component field : List.of(response, family, link, offset, weights)) {
            ((com.vaadin.flow.component.HasSize) field).setWidthFull();
            field.getStyle().set("min-width", "0"); // paired fields share a narrow panel instead of overflowing it
        }

        response.addValueChangeListener(e -> edit(() -> draft.setResponse(e.getValue())));
        family.addValueChangeListener(e -> edit(() -> draft.setFamily(e.getValue())));
        link.addValueChangeListener(e -> edit(() -> draft.link =
                e.getValue() == null || e.getValue().equals(defaultLink()) ? null : e.getValue()));
        varPower.addValueChangeListener(e -> edit(() -> draft.varPower = e.getValue() == null ? 1.5 : e.getValue()));
        theta.addValueChangeListener(e -> edit(() -> draft.theta = thetaAuto.getValue() ? null : e.getValue()));
        thetaAuto.addValueChangeListener(e -> edit(() -> draft.theta = e.getValue() ? null
                : theta.getValue() == null ? 1.0 : theta.getValue()));
        offset.addValueChangeListener(e -> edit(() -> draft.offset = noneToNull(e.getValue())));
        weights.addValueChangeListener(e -> edit(() -> draft.weights = noneToNull(e.getValue())));
        intercept.addValueChangeListener(e -> edit(() -> draft.intercept = e.getValue()));

        HorizontalLayout familyAndLink = new HorizontalLayout(family, link);
        familyAndLink.setWidthFull();
        familyAndLink.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        HorizontalLayout thetaRow = new HorizontalLayout(theta, thetaAuto);
        thetaRow.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        HorizontalLayout offsetAndWeights = new HorizontalLayout(offset, weights);
        offsetAndWeights.setWidthFull();
        add(response, familyAndLink, varPower, thetaRow, offsetAndWeights, intercept);
    }

    /** Fills the selectors from the dataset's columns: numeric ones first, each with its dtype. */
    void setColumns(List<ColumnProfile> columns) {
        List<ColumnProfile> ordered = new ArrayList<>(columns);
        ordered.sort(Comparator.comparing((ColumnProfile c) -> !c.isNumeric()));
        List<String> names = ordered.stream().map(ColumnProfile::name).toList();
        updating = true;
        response.setItems(names);
        java.util.Map<String, ColumnProfile> byName = new java.util.HashMap<>();
        columns.forEach(c -> byName.put(c.name(), c));
        response.setRenderer(LitRenderer.<String>of(
                        "<span>${item.name}</span> <span class=\"atelier-badge ${item.kind}\">${item.dtype}</span>")
                .withProperty("name", name -> name)
                .withProperty("dtype", name -> byName.containsKey(name) ? byName.get(name).dtype() : "")
                .withProperty("kind", name -> byName.containsKey(name) && byName.get(name).isNumeric()
                        ? "numeric" : "string"));
        List<String> numeric = new ArrayList<>(List.of(NONE));
        columns.stream().filter(ColumnProfile::isNumeric).map(ColumnProfile::name).forEach(numeric::add);
        offset.setItems(numeric);
        weights.setItems(numeric);
        updating = false;
    }

    /** Shows the draft's values without echoing them back as edits. */
    void refresh() {
        updating = true;
        response.setValue(draft.response);
        family.setValue(draft.family);
        FamilyChoice choice = FamilyOption.of(draft.family).choice();
        List<String> links = new ArrayList<>(choice.links());
        if (draft.link != null && !links.contains(draft.link)) {
            links.add(draft.link); // a stored spec's link the engine refuses stays visible, so its error can be read
        }
        link.setItems(links);
        link.setItemLabelGenerator(choice::linkLabel);
        link.setValue(draft.link == null ? choice.defaultLink() : draft.link);
        varPower.setValue(draft.varPower);
        varPower.setVisible(draft.family.equals("tweedie"));
        thetaAuto.setValue(draft.theta == null);
        theta.setValue(draft.theta);
        theta.setEnabled(draft.theta != null);
        theta.getParent().ifPresent(row -> row.setVisible(draft.family.equals("negbinomial")));
        offset.setValue(draft.offset == null ? NONE : draft.offset);
        weights.setValue(draft.weights == null ? NONE : draft.weights);
        intercept.setValue(draft.intercept);
        updating = false;
    }

    void showError(String subject, String message) {
        HasValidationProperties field = switch (subject) {
            case org.atelier.model.SpecIssue.RESPONSE -> response;
            case org.atelier.model.SpecIssue.OFFSET -> offset;
            case org.atelier.model.SpecIssue.WEIGHTS -> weights;
            case org.atelier.model.SpecIssue.FAMILY -> family;
            default -> null;
        };
        if (field != null) {
            field.setErrorMessage(message);
            field.setInvalid(true);
        }
    }

    void clearErrors() {
        for (HasValidationProperties field : List.<HasValidationProperties>of(response, family, offset, weights)) {
            field.setInvalid(false);
        }
    }

    private String defaultLink() {
        return FamilyOption.of(draft.family).choice().defaultLink();
    }

    private void edit(Runnable change) {
        if (updating) {
            return;
        }
        change.run();
        refresh();
        changed.run();
    }

    private static String noneToNull(String value) {
        return value == null || value.equals(NONE) ? null : value;
    }
}
