package org.atelier.ui.spec;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import java.util.List;
import java.util.function.Predicate;
import org.atelier.engine.spec.InteractionSpec;
import org.atelier.engine.spec.TermSpec;
import org.atelier.engine.spec.TermType;

/** The interactions list and the dialog that adds one. */
class InteractionSection extends Div {
    static final String PRODUCT = "Standard product";
    static final String TARGET_ENCODED = "Target encoding interaction";
    static final String FREQUENCY_ENCODED = "Frequency encoding interaction";
    final Div list = new Div();
    final Button add = new Button("Add interaction", VaadinIcon.PLUS.create());
    private final SpecDraft draft;
    private final Runnable changed;
    private Predicate<String> numeric = column -> true;

    InteractionSection(SpecDraft draft, Runnable changed) {
        this.draft = draft;
        this.changed = changed;
        add.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        add.addClickListener(e -> new AddInteractionDialog().open());
        add(list, add);
    }

    /** Text columns can only enter an interaction as categorical. */
    void setNumericColumns(Predicate<String> isNumeric) {
        numeric = isNumeric;
    }

    void refresh() {
        list.removeAll();
        for (int i = 0; i < draft.interactions.size(); i++) {
            InteractionSpec interaction = draft.interactions.get(i);
            int index = i;
            Div card = new Div();
            card.addClassName("atelier-card");
            Span title = new Span(interaction.first().name() + " × " + interaction.second().name());
            title.addClassName("name");
            Button remove = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> {
                draft.interactions.remove(index);
                changed.run();
            });
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ICON, ButtonVariant.LUMO_SMALL);
            remove.setAriaLabel("Remove interaction " + title.getText());
            Div header = new Div(title, remove);
            header.addClassName("atelier-card-header");
            Span detail = new Span(FactorCard.typeLabel(interaction.first().type()) + " × "
                    + FactorCard.typeLabel(interaction.second().type()) + " · "
                    + (interaction.targetEncoding() ? "TE" : interaction.frequencyEncoding() ? "FE" : "product")
                    + " · include main: "
                    + (interaction.includeMain() ? "✓" : "✗"));
            detail.addClassName("atelier-muted");
            card.add(header, detail);
            list.add(card);
        }
        add.setEnabled(draft.terms.stream().filter(t -> t.type() != TermType.EXPRESSION).count() >= 2);
        add.setTooltipText(add.isEnabled() ? null : "Add two factors first");
    }

    /** Two of the model's factors, each with the type it takes in the interaction. */
    class AddInteractionDialog extends Dialog {
        final Select<String> first = new Select<>();
        final Select<TermType> firstType = new Select<>();
        final Select<String> second = new Select<>();
        final Select<TermType> secondType = new Select<>();
        final Checkbox includeMain = new Checkbox("Include main effects", true);
        final Select<String> kind = new Select<>();
        final Button confirm = new Button("Add");

        AddInteractionDialog() {
            setHeaderTitle("Add interaction");
            List<String> factors = draft.terms.stream().filter(t -> t.type() != TermType.EXPRESSION)
                    .map(TermSpec::name).toList();
            first.setLabel("Variable 1");
            first.setItems(factors);
            second.setLabel("Variable 2");
            for (Select<TermType> type : List.of(firstType, secondType)) {
                type.setLabel("Type");
                type.setItemLabelGenerator(FactorCard::typeLabel);
            }
            first.addValueChangeListener(e -> {
                second.setItems(factors.stream().filter(f -> !f.equals(e.getValue())).toList());
                chooseType(firstType, e.getValue());
            });
            second.addValueChangeListener(e -> chooseType(secondType, e.getValue()));
            confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            confirm.addClickListener(e -> addInteraction());
            kind.setLabel("Interaction type");
            kind.setItems(PRODUCT, TARGET_ENCODED, FREQUENCY_ENCODED);
            kind.setValue(PRODUCT);
            VerticalLayout form = new VerticalLayout(new HorizontalLayout(first, firstType),
                    new HorizontalLayout(second, secondType), kind, includeMain);
            form.setPadding(false);
            add(form);
            getFooter().add(new Button("Cancel", e -> close()), confirm);
        }

        private void chooseType(Select<TermType> typeField, String factor) {
            TermSpec term = factor == null ? null : draft.terms.stream().filter(t -> t.name().equals(factor))
                    .findFirst().orElse(null);
            typeField.setItems(TermType.forColumn(factor == null || numeric.test(factor)));
            if (term != null) {
                typeField.setValue(term.type());
            }
        }

        void addInteraction() {
            if (first.getValue() == null || second.getValue() == null || firstType.getValue() == null
                    || secondType.getValue() == null) {
                second.setErrorMessage("Choose two factors and their types");
                second.setInvalid(true);
                return;
            }
            TermSpec a = side(first.getValue(), firstType.getValue());
            TermSpec b = side(second.getValue(), secondType.getValue());
            draft.interactions.add(new InteractionSpec(a, b, includeMain.getValue(),
                    TARGET_ENCODED.equals(kind.getValue()), FREQUENCY_ENCODED.equals(kind.getValue())));
            close();
            changed.run();
        }

        /** The factor's own options when the type is its own; the new type's defaults otherwise. */
        private TermSpec side(String factor, TermType type) {
            TermSpec own = draft.terms.stream().filter(t -> t.name().equals(factor)).findFirst().orElseThrow();
            return own.type() == type ? own : FactorCard.retype(own, type);
        }
    }
}
