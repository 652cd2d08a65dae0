package org.atelier.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.atelier.engine.family.Family;
import org.atelier.engine.spec.FitOptions;
import org.atelier.engine.spec.InteractionSpec;
import org.atelier.engine.spec.ModelSpec;
import org.atelier.engine.spec.Selection;
import org.atelier.engine.spec.TermSpec;
import org.atelier.engine.spec.TermType;
import org.atelier.engine.spec.Validation;

/**
 * A model's spec as a reviewer reads it on paper: response, family, link, offset, weights, intercept, every term
 * with its options, the interactions, the regularization, the hold-out and the fit's stopping rule. Options that a
 * term's type does not use are left out; a default that changes the model (a spline's degree, a target encoding's
 * prior weight) is stated.
 */
public final class SpecWords {
    private SpecWords() {
    }

    public static List<SpecLine> of(ModelSpec spec) {
        Family family = Family.of(spec.family(), spec.varPower(), spec.theta() == null ? Double.NaN : spec.theta());
        String link = spec.link() == null ? family.defaultLink().id() : spec.link();
        boolean logLink = "log".equalsIgnoreCase(link);
        List<SpecLine> out = new ArrayList<>();
        out.add(new SpecLine("Response", spec.response()));
        out.add(new SpecLine("Family", family(spec, family)));
        String canonical = family.canonicalLink().map(l -> l.id()).orElse(null);
        out.add(new SpecLine("Link", link + (link.equalsIgnoreCase(canonical) ? " (the family's canonical link)"
                : link.equalsIgnoreCase(family.defaultLink().id()) ? " (the family's default link)" : "")));
        out.add(new SpecLine("Offset", spec.offset() == null ? "none" : logLink
                ? "log(" + spec.offset() + "): " + spec.offset() + " is the exposure"
                : spec.offset() + ", added to the linear predictor as it is"));
        out.add(new SpecLine("Weights", spec.weights() == null ? "none" : spec.weights() + " (prior weights)"));
        out.add(new SpecLine("Intercept", spec.intercept() ? "included" : "excluded"));
        for (TermSpec term : spec.terms()) {
            out.add(new SpecLine("Term", term.name() + ": " + term(term)));
        }
        for (InteractionSpec interaction : spec.interactions()) {
            out.add(new SpecLine("Interaction", interaction(interaction)));
        }
        out.add(new SpecLine("Regularization", regularization(spec.fitOptions())));
        out.add(new SpecLine("Hold-out", holdOut(spec.validation())));
        out.add(new SpecLine("Fit", "IRLS, at most " + spec.fitOptions().maxIter() + " iterations, tolerance "
                + number(spec.fitOptions().tol())));
        return out;
    }

    private static String family(ModelSpec spec, Family family) {
        return switch (family.id()) {
            case "tweedie" -> "Tweedie, variance power " + number(spec.varPower());
            case "negbinomial" -> "negative binomial, θ " + (spec.theta() == null ? "estimated" : number(spec.theta()));
            case "quasipoisson" -> "quasi-Poisson (dispersion estimated)";
            case "quasibinomial" -> "quasi-binomial (dispersion estimated)";
            default -> family.displayName();
        };
    }

    /** "categorical, base level B", "B-spline, 4 df, degree 3", "expression log(Density)". */
    public static String term(TermSpec term) {
        List<String> parts = new ArrayList<>();
        switch (term.type()) {
            case CATEGORICAL -> {
                parts.add("categorical");
                if (term.levels() != null && !term.levels().isEmpty()) {
                    parts.add("base level " + term.levels().getFirst());
                } else {
                    parts.add("base level the first in sorted order");
                }
            }
            case LINEAR -> parts.add("linear");
            case BS, NS -> {
                parts.add(term.type() == TermType.BS ? "B-spline" : "natural spline");
                if (term.k() != null) {
                    parts.add("penalized, k " + term.k() + " (smoothness chosen by GCV)");
                } else if (term.df() != null) {
                    parts.add(term.df() + " df");
                } else {
                    parts.add("penalized (smoothness chosen by GCV)");
                }
                if (term.type() == TermType.BS) {
                    parts.add("degree " + (term.degree() == null ? 3 : term.degree()));
                }
            }
            case EXPRESSION -> parts.add("expression " + term.expr());
            case TARGET_ENCODING -> parts.add(targetEncoding("target encoding", term.priorWeight(),
                    term.nPermutations()));
            case FREQUENCY_ENCODING -> parts.add("frequency encoding");
        }
        if (term.monotonicity() != null) {
            parts.add("monotone " + term.monotonicity().id());
        }
        return String.join(", ", parts);
    }

    private static String interaction(InteractionSpec i) {
        String a = i.first().name();
        String b = i.second().name();
        if (i.targetEncoding()) {
            return targetEncoding("TE(" + a + ":" + b + "), a target encoding of the combined levels",
                    i.priorWeight(), i.nPermutations());
        }
        if (i.frequencyEncoding()) {
            return "FE(" + a + ":" + b + "), a frequency encoding of the combined levels";
        }
        return a + " × " + b + " (" + term(i.first()) + " × " + term(i.second()) + "), "
                + (i.includeMain() ? "with" : "without") + " main effects";
    }

    private static String targetEncoding(String what, Double priorWeight, Integer permutations) {
        return what + ", prior weight " + number(priorWeight == null ? 1 : priorWeight) + ", "
                + (permutations == null ? 4 : permutations) + " permutations";
    }

    static String regularization(FitOptions o) {
        if (o.regularization() == null) {
            return "none";
        }
        String kind = switch (o.regularization()) {
            case RIDGE -> "ridge";
            case LASSO -> "lasso";
            case ELASTIC_NET -> "elastic net, L1 ratio " + number(o.l1Ratio());
        };
        if (o.cv() == null) {
            return kind + ", α " + number(o.alpha());
        }
        return kind + ", α chosen by " + o.cv() + "-fold cross-validation over " + o.nAlphas() + " values ("
                + (o.selection() == Selection.ONE_SE ? "largest α within one standard error of the best"
                : "the α with the least CV deviance") + ")" + (o.seed() == null ? "" : ", seed " + o.seed());
    }

    static String holdOut(Validation v) {
        if (v == null || v.method() == null) {
            return "none: fitted on every row";
        }
        return switch (v.method()) {
            case RANDOM -> String.format(Locale.ROOT, "%s of the rows at random, kept out of the fit%s",
                    percent(v.fraction()), v.seed() == null ? "" : " (seed " + v.seed() + ")");
            case COLUMN -> "the rows where " + v.column() + " is " + String.join(", ", v.testValues())
                    + ", kept out of the fit";
        };
    }

    private static String percent(Double fraction) {
        return fraction == null ? "—" : number(fraction * 100) + "%";
    }

    /** 25 not 25.0, 1e-08 as 1E-8: numbers as a user typed them. */
    static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        String plain = Double.toString(value).replace(".0E", "E");
        return plain.length() > 12 ? String.format(Locale.ROOT, "%.6g", value) : plain;
    }
}
