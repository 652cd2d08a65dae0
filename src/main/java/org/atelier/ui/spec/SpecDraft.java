package org.atelier.ui.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.atelier.engine.spec.FitOptions;
import org.atelier.engine.spec.InteractionSpec;
import org.atelier.engine.spec.ModelSpec;
import org.atelier.engine.spec.TermSpec;
import org.atelier.engine.spec.Validation;

/**
 * The spec being edited (the workbench's spec store): mutable, unlike the ModelSpec snapshot a fit takes.
 * Editing the family resets the link to the family's default; choosing a response clears it from offset and weights.
 */
final class SpecDraft {
    String response;
    String family = "poisson";
    String link;
    double varPower = 1.5;
    Double theta;
    String offset;
    String weights;
    boolean intercept = true;
    final List<TermSpec> terms = new ArrayList<>();
    final List<InteractionSpec> interactions = new ArrayList<>();
    FitOptions fitOptions = FitOptions.DEFAULT;
    /** The hold-out; null fits on every row. */
    Validation validation;

    ModelSpec toSpec() {
        return new ModelSpec(response, terms, interactions, family, link, varPower, theta, offset, weights, intercept,
                fitOptions, validation);
    }

    void load(ModelSpec spec) {
        response = spec.response();
        family = spec.family();
        link = spec.link();
        varPower = spec.varPower();
        theta = spec.theta();
        offset = spec.offset();
        weights = spec.weights();
        intercept = spec.intercept();
        terms.clear();
        terms.addAll(spec.terms());
        interactions.clear();
        interactions.addAll(spec.interactions());
        fitOptions = spec.fitOptions();
        validation = spec.validation();
    }

    void setResponse(String column) {
        response = column;
        if (column != null && column.equals(offset)) {
            offset = null;
        }
        if (column != null && column.equals(weights)) {
            weights = null;
        }
    }

    void setFamily(String newFamily) {
        family = newFamily;
        link = null; // the family's default link
    }

    boolean hasTerm(String name) {
        return terms.stream().anyMatch(t -> t.name().equals(name));
    }

    void addTerm(TermSpec term) {
        terms.add(term);
    }

    void replaceTerm(String name, UnaryOperator<TermSpec> change) {
        terms.replaceAll(t -> t.name().equals(name) ? change.apply(t) : t);
    }

    void removeTerm(String name) {
        terms.removeIf(t -> t.name().equals(name));
        interactions.removeIf(i -> i.first().name().equals(name) || i.second().name().equals(name));
    }
}
