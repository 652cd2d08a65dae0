package org.atelier.engine.spec;

import java.util.List;

/**
 * The central model description, as stored with every model and shown as code. {@code link} null means the family's
 * default link ({@link FamilyChoice#defaultLink()}: the canonical link, but log for Gamma, Tweedie and NegBin);
 * {@code theta} null means "estimate" for the negative binomial. {@code validation} null means no hold-out: the model
 * is fitted on every row.
 */
public record ModelSpec(String response, List<TermSpec> terms, List<InteractionSpec> interactions, String family,
                        String link, double varPower, Double theta, String offset, String weights, boolean intercept,
                        FitOptions fitOptions, Validation validation) {

    /** A spec without a hold-out. */
    public ModelSpec(String response, List<TermSpec> terms, List<InteractionSpec> interactions, String family,
                     String link, double varPower, Double theta, String offset, String weights, boolean intercept,
                     FitOptions fitOptions) {
        this(response, terms, interactions, family, link, varPower, theta, offset, weights, intercept, fitOptions, null);
    }

    public ModelSpec {
        terms = List.copyOf(terms);
        interactions = interactions == null ? List.of() : List.copyOf(interactions);
        family = family == null ? "gaussian" : family;
        fitOptions = fitOptions == null ? FitOptions.DEFAULT : fitOptions;
    }

    public static ModelSpec of(String response, String family, List<TermSpec> terms) {
        return new ModelSpec(response, terms, List.of(), family, null, 1.5, null, null, null, true, FitOptions.DEFAULT);
    }

    public ModelSpec withOffset(String column) {
        return new ModelSpec(response, terms, interactions, family, link, varPower, theta, column, weights, intercept, fitOptions, validation);
    }

    public ModelSpec withWeights(String column) {
        return new ModelSpec(response, terms, interactions, family, link, varPower, theta, offset, column, intercept, fitOptions, validation);
    }

    public ModelSpec withLink(String newLink) {
        return new ModelSpec(response, terms, interactions, family, newLink, varPower, theta, offset, weights, intercept, fitOptions, validation);
    }

    public ModelSpec withInteractions(List<InteractionSpec> newInteractions) {
        return new ModelSpec(response, terms, newInteractions, family, link, varPower, theta, offset, weights, intercept, fitOptions, validation);
    }

    public ModelSpec withIntercept(boolean newIntercept) {
        return new ModelSpec(response, terms, interactions, family, link, varPower, theta, offset, weights, newIntercept, fitOptions, validation);
    }

    public ModelSpec withTheta(Double newTheta) {
        return new ModelSpec(response, terms, interactions, family, link, varPower, newTheta, offset, weights, intercept, fitOptions, validation);
    }

    public ModelSpec withVarPower(double power) {
        return new ModelSpec(response, terms, interactions, family, link, power, theta, offset, weights, intercept, fitOptions, validation);
    }

    public ModelSpec withValidation(Validation newValidation) {
        return new ModelSpec(response, terms, interactions, family, link, varPower, theta, offset, weights, intercept, fitOptions,
                newValidation);
    }

    public ModelSpec withFitOptions(FitOptions options) {
        return new ModelSpec(response, terms, interactions, family, link, varPower, theta, offset, weights, intercept, options, validation);
    }
}
