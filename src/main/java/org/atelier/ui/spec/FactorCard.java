package org.atelier.ui.spec;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.atelier.data.ColumnProfile;
import org.atelier.engine.spec.Monotonicity;
import org.atelier.engine.spec.TermSpec;
import org.atelier.engine.spec.TermType;
import org.atelier.model.SpecIssue;
import org.atelier.ui.common.Badge;

/**
 * One factor of the spec: name, type badge, warnings and remove; a click opens its options for the
 * term's type (base level, spline df and degree, monotonicity, expression text).
 */
class FactorCard extends Div {
    static final int DEFAULT_BS_DF = 5;
    static final int DEFAULT_NS_DF = 4;
    static final int DEFAULT_K = 10;
    final TermSpec term;
    final Div details = new Div();
    final Button remove = new Button(VaadinIcon.CLOSE_SMALL.create());
    final Select<TermType> type = new Select<>();
    private final Consumer<UnaryOperator<TermSpec>> edit;
    /** The card's option fields by the spec's JSON word ("df", "k", ...): an issue about an option marks its field. */
    private final Map<String, HasValidation> optionFields = new HashMap<>();

    FactorCard(TermSpec term, ColumnProfile column, List<SpecIssue> issues, boolean expanded,
               Function<String, List<String>> levels, Consumer<UnaryOperator<TermSpec>> edit, Runnable onRemove,
               Runnable onToggle) {
        this.term = term;
        this.edit = edit;
        addClassName("atelier-card");
        getElement().setAttribute("data-term", term.name());
        Span name = new Span(term.name());
        name.addClassName("name");
        Div header = new Div(name);
        header.addClassName("atelier-card-header");
        for (SpecIssue issue : issues) {
            Badge badge = new Badge(issue.isError() ? "error" : "warning", issue.isError() ? "failed" : "warning");
            badge.setTitle(issue.message());
            header.add(badge);
        }
        header.add(new Badge(shortType(term.type()), "term-" + term.type().id()));
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ICON, ButtonVariant.LUMO_SMALL);
        remove.setAriaLabel("Remove " + term.name());
        remove.addClickListener(e -> onRemove.run());
        header.add(remove);
        header.addClickListener(e -> onToggle.run());
        add(header);
        for (SpecIssue issue : issues) {
            Div line = new Div(issue.message());
            line.addClassNames("atelier-issue", issue.isError() ? "error" : "warning");
            add(line);
        }
        details.addClassName("atelier-card-details");
        details.setVisible(expanded);
        if (expanded) {
            buildDetails(column, levels);
            markFields(issues);
        }
        add(details);
    }

    /** Marks the field each issue is about (its message stays on the card, which may be shown collapsed). */
    private void markFields(List<SpecIssue> issues) {
        for (SpecIssue issue : issues) {
            HasValidation field = issue.option() == null ? null : optionFields.get(issue.option());
            if (field != null && issue.isError()) {
                field.setErrorMessage(issue.message());
                field.setInvalid(true);
            }
        }
    }

    private void buildDetails(ColumnProfile column, Function<String, List<String>> levels) {
        if (term.type() == TermType.EXPRESSION) {
            TextField expr = new TextField("Expression");
            expr.setWidthFull();
            expr.setValue(term.expr() == null ? "" : term.expr());
            expr.setPlaceholder("e.g. log(Density)");
            expr.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.ON_CHANGE);
            expr.addValueChangeListener(e -> edit.accept(t -> withExpr(t, e.getValue())));
            details.add(expr);
            details.add(monotonicity());
            return;
        }
        type.setLabel("Type");
        type.addClassName("atelier-term-type"); // wide enough for "Frequency encoding" (atelier.css)
        type.setItems(TermType.forColumn(column == null || column.isNumeric()));
        type.setItemLabelGenerator(FactorCard::typeLabel);
        type.setValue(term.type());
        type.addValueChangeListener(e -> edit.accept(t -> retype(t, e.getValue())));
        HorizontalLayout row = new HorizontalLayout(type);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        row.setWrap(true);
        switch (term.type()) {
            case CATEGORICAL -> row.add(baseLevel(levels.apply(term.name())));
            case BS, NS -> {
                row.add(splineMode());
                if (term.k() != null || term.df() == null) {
                    row.add(intField("k", term.k(), 3, 50, v -> t -> withK(t, v)));
                } else {
                    row.add(intField("df", term.df(), 1, 30, v -> t -> withDf(t, v)));
                }
                if (term.type() == TermType.BS) {
                    row.add(intField("degree", term.degree() == null ? 3 : term.degree(), 1, 3,
                            v -> t -> withDegree(t, v == null || v == 3 ? null : v)));
                }
            }
            case TARGET_ENCODING -> {
                NumberField prior = new NumberField("Prior weight");
                prior.setMin(0);
                prior.setValue(term.priorWeight() == null ? 1.0 : term.priorWeight());
                prior.setWidth("7rem");
                prior.addValueChangeListener(e -> edit.accept(t -> withEncoding(t, e.getValue(), t.nPermutations())));
                row.add(prior, intField("Permutations", term.nPermutations() == null ? 4 : term.nPermutations(), 1, 64,
                        v -> t -> withEncoding(t, t.priorWeight(), v)));
            }
            default -> {
            }
        }
        // a monotone spline is a cumulative basis with fixed df: the engine does not combine it with a penalty
        boolean penalizedSpline = term.k() != null || (term.type().isSpline() && term.df() == null);
        if (term.type().takesMonotonicity() && !penalizedSpline) {
            row.add(monotonicity());
        }
        details.add(row);
    }

    private RadioButtonGroup<String> splineMode() {
        RadioButtonGroup<String> mode = new RadioButtonGroup<>("Mode");
        mode.setItems("Fixed df", "Penalized (auto λ)");
        mode.setValue(term.k() != null || term.df() == null ? "Penalized (auto λ)" : "Fixed df");
        mode.addValueChangeListener(e -> edit.accept(t -> e.getValue().equals("Fixed df")
                ? withK(withDf(t, t.type() == TermType.BS ? DEFAULT_BS_DF : DEFAULT_NS_DF), null)
                : withK(withDf(t, null), DEFAULT_K)));
        return mode;
    }

    private Select<Monotonicity> monotonicity() {
        Select<Monotonicity> monotone = new Select<>();
        optionFields.put("monotonicity", monotone);
        monotone.setLabel("Monotonicity");
        monotone.setEmptySelectionAllowed(true); // no direction: the term is unconstrained
        monotone.setEmptySelectionCaption("none");
        monotone.setItems(Monotonicity.values());
        monotone.setItemLabelGenerator(m -> m == null ? "none" : m.id());
        monotone.setValue(term.monotonicity());
        monotone.setWidth("9rem");
        monotone.addValueChangeListener(e -> edit.accept(t -> withMonotonicity(t, e.getValue())));
        return monotone;
    }

    private ComboBox<String> baseLevel(List<String> levels) {
        ComboBox<String> base = new ComboBox<>("Base level");
        base.setItems(levels);
        String current = term.levels() == null || term.levels().isEmpty() ? levels.isEmpty() ? null : levels.getFirst()
                : term.levels().getFirst();
        base.setValue(current);
        base.setHelperText(levels.size() + " levels");
        base.addValueChangeListener(e -> {
            if (e.getValue() == null || e.getValue().equals(levels.getFirst())) {
                edit.accept(t -> withLevels(t, null));
            } else {
                List<String> ordered = new ArrayList<>(levels);
                ordered.remove(e.getValue());
                ordered.addFirst(e.getValue());
                edit.accept(t -> withLevels(t, ordered));
            }
        });
        return base;
    }

    private IntegerField intField(String label, Integer value, int min, int max,
                                  Function<Integer, UnaryOperator<TermSpec>> change) {
        IntegerField field = new IntegerField(label);
        optionFields.put(label, field); // "k", "df" and "degree" are labelled by their JSON word
        field.setMin(min);
        field.setMax(max);
        field.setStepButtonsVisible(true);
        field.setValue(value);
        field.setWidth("7rem");
        field.addValueChangeListener(e -> edit.accept(change.apply(e.getValue())));
        return field;
    }

    static String typeLabel(TermType type) {
        return switch (type) {
            case CATEGORICAL -> "Categorical";
            case LINEAR -> "Linear";
            case BS -> "B-spline";
            case NS -> "Natural spline";
            case EXPRESSION -> "Expression";
            case TARGET_ENCODING -> "Target encoding";
            case FREQUENCY_ENCODING -> "Frequency encoding";
        };
    }

    static String shortType(TermType type) {
        return switch (type) {
            case TARGET_ENCODING -> "TE";
            case FREQUENCY_ENCODING -> "FE";
            case EXPRESSION -> "expr";
            default -> type.id();
        };
    }

    /** A new type keeps nothing of the old type's options, but gets the new type's defaults. */
    static TermSpec retype(TermSpec t, TermType newType) {
        return switch (newType) {
            case BS -> TermSpec.bs(t.name(), DEFAULT_BS_DF, null);
            case TARGET_ENCODING, FREQUENCY_ENCODING ->
                    new TermSpec(t.name(), newType, null, null, null, null, null, null, null, null);
            case NS -> TermSpec.ns(t.name(), DEFAULT_NS_DF);
            case CATEGORICAL -> TermSpec.categorical(t.name());
            default -> TermSpec.linear(t.name());
        };
    }

    static TermSpec withDf(TermSpec t, Integer df) {
        return new TermSpec(t.name(), t.type(), df, t.k(), t.degree(), t.monotonicity(), t.levels(), t.expr(),
                t.priorWeight(), t.nPermutations());
    }

    static TermSpec withK(TermSpec t, Integer k) {
        return new TermSpec(t.name(), t.type(), t.df(), k, t.degree(), t.monotonicity(), t.levels(), t.expr(),
                t.priorWeight(), t.nPermutations());
    }

    static TermSpec withMonotonicity(TermSpec t, Monotonicity monotonicity) {
        return new TermSpec(t.name(), t.type(), t.df(), t.k(), t.degree(), monotonicity, t.levels(), t.expr(),
                t.priorWeight(), t.nPermutations());
    }

    static TermSpec withEncoding(TermSpec t, Double priorWeight, Integer permutations) {
        return new TermSpec(t.name(), t.type(), t.df(), t.k(), t.degree(), t.monotonicity(), t.levels(), t.expr(),
                priorWeight, permutations);
    }

    static TermSpec withDegree(TermSpec t, Integer degree) {
        return new TermSpec(t.name(), t.type(), t.df(), t.k(), degree, t.monotonicity(), t.levels(), t.expr(),
                t.priorWeight(), t.nPermutations());
    }

    static TermSpec withLevels(TermSpec t, List<String> levels) {
        return new TermSpec(t.name(), t.type(), t.df(), t.k(), t.degree(), t.monotonicity(), levels, t.expr(),
                t.priorWeight(), t.nPermutations());
    }

    static TermSpec withExpr(TermSpec t, String expr) {
        return new TermSpec(t.name(), t.type(), t.df(), t.k(), t.degree(), t.monotonicity(), t.levels(), expr,
                t.priorWeight(), t.nPermutations());
    }
}
