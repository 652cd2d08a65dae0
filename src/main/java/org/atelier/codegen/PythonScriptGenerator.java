package org.atelier.codegen;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.atelier.engine.spec.FitOptions;
import org.atelier.engine.spec.InteractionSpec;
import org.atelier.engine.spec.ModelSpec;
import org.atelier.engine.spec.TermSpec;
import org.atelier.engine.spec.TermType;
import org.atelier.engine.spec.Validation;

/**
 * The standalone rustystats script: data loading with the Parquet alternative as a comment, the terms dict, the
 * interactions, {@code glm_dict(...).fit(...)}, then summary, coefficient table, relativities (log link only) and
 * diagnostics. Every argument at its rustystats default is left out so the script shows only the choices the actuary
 * made. Output is deterministic: terms and interactions keep the spec's order, options keep the stored field order.
 */
public final class PythonScriptGenerator {
    private static final String INDENT = "    ";
    /** rustystats' {@code var_power} default. */
    private static final double DEFAULT_VAR_POWER = 1.5;
    /** {@code degree} defaults to 3 (cubic) for bs; ns is always cubic. */
    private static final int DEFAULT_SPLINE_DEGREE = 3;

    public String generate(ModelSpec spec) {
        if (spec.response() == null) {
            throw new UnsupportedSpecException("The spec has no response column");
        }
        StringBuilder out = new StringBuilder();
        out.append("import polars as pl\n");
        out.append("import rustystats as rs\n\n");
        out.append("# Load your data\n");
        out.append("data = pl.read_csv(\"your_data.csv\")  # adjust path and format\n");
        out.append("# data = pl.read_parquet(\"your_data.parquet\")  # Parquet alternative\n\n");
        if (spec.validation() != null) {
            appendHoldOut(out, spec.validation());
        }
        appendTerms(out, spec.terms());
        if (!spec.interactions().isEmpty()) {
            appendInteractions(out, spec.interactions());
        }
        out.append("# Build model\n");
        appendCall(out, "model = rs.glm_dict", modelArguments(spec));
        out.append("\n# Fit model\n");
        appendCall(out, "result = model.fit", fitArguments(spec.fitOptions()));
        out.append("\n# View results\n");
        out.append("print(result.summary())\n\n");
        out.append("# Coefficient table\n");
        out.append("coef_table = result.coef_table()\n");
        out.append("print(coef_table)\n\n");
        if (LinkRules.isLogLink(spec)) {
            out.append("# Relativities (for log-link models)\n");
            out.append("relativities = result.relativities()\n");
            out.append("print(relativities)\n\n");
        }
        out.append("# Diagnostics\n");
        out.append(spec.validation() == null ? "diagnostics = result.diagnostics(train_data=data)\n"
                : "diagnostics = result.diagnostics(train_data=data, test_data=test_data)\n");
        out.append("print(diagnostics.to_json(indent=2))\n");
        return out.toString();
    }

    /**
     * The spec's hold-out: the same rows as Atelier's (a random split draws each row's SplitMix64 uniform from the
     * seed and the row's position, as the engine does), then the model is fitted on the training rows only.
     */
    private static void appendHoldOut(StringBuilder out, Validation v) {
        if (v.method() == Validation.Method.RANDOM) {
            long seed = v.seed() == null ? 0 : v.seed();
            out.append("# Hold-out: each row is a test row with probability ").append(PythonLiterals.floating(v.fraction()))
                    .append(", drawn from the seed and the row's\n");
            out.append("# position (SplitMix64, the same draw as Atelier's); the model is fitted on the training rows only.\n");
            out.append("def holdout_draw(seed, row):\n");
            out.append(INDENT).append("m = (1 << 64) - 1\n");
            out.append(INDENT).append("z = ((seed & m) + (row + 1) * 0x9E3779B97F4A7C15) & m\n");
            out.append(INDENT).append("z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & m\n");
            out.append(INDENT).append("z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & m\n");
            out.append(INDENT).append("return ((z ^ (z >> 31)) >> 11) / 2.0**53\n\n");
            out.append("is_test = pl.Series([holdout_draw(").append(PythonLiterals.integer(seed)).append(", i) < ")
                    .append(PythonLiterals.floating(v.fraction())).append(" for i in range(data.height)])\n");
        } else {
            out.append("# Hold-out: the rows whose ").append(PythonLiterals.string(v.column()))
                    .append(" is one of the test values; the model is fitted on the others.\n");
            out.append("is_test = pl.col(").append(PythonLiterals.string(v.column())).append(").cast(pl.Utf8).is_in(")
                    .append(PythonLiterals.strings(v.testValues())).append(")\n");
        }
        out.append("test_data = data.filter(is_test)\n");
        out.append("data = data.filter(~is_test)\n\n");
    }

    private static void appendTerms(StringBuilder out, List<TermSpec> terms) {
        out.append("# Model specification\n");
        if (terms.isEmpty()) {
            out.append("terms = {}\n\n");
            return;
        }
        Set<String> names = new HashSet<>();
        for (TermSpec term : terms) {
            // A dict keeps one entry per key: a second term of the same name would silently replace the first.
            if (!names.add(name(term))) {
                throw new UnsupportedSpecException("Term '" + term.name() + "' is listed twice: the terms dict has one entry per name");
            }
        }
        out.append("terms = {\n");
        for (TermSpec term : terms) {
            out.append(INDENT).append(PythonLiterals.string(name(term))).append(": ").append(termOptions(term)).append(",\n");
        }
        out.append("}\n\n");
    }

    /** rustystats' interaction form: both variables with their own options, the encoding flag when set, then include_main, always shown. */
    private static void appendInteractions(StringBuilder out, List<InteractionSpec> interactions) {
        out.append("interactions = [\n");
        for (InteractionSpec interaction : interactions) {
            out.append(INDENT).append("{\n");
            for (TermSpec side : List.of(interaction.first(), interaction.second())) {
                entry(out, PythonLiterals.string(name(side)), termOptions(side));
            }
            if (interaction.targetEncoding()) {
                entry(out, "\"target_encoding\"", "True");
                if (interaction.priorWeight() != null) {
                    entry(out, "\"prior_weight\"", PythonLiterals.floating(interaction.priorWeight()));
                }
                if (interaction.nPermutations() != null) {
                    entry(out, "\"n_permutations\"", Integer.toString(interaction.nPermutations()));
                }
            }
            if (interaction.frequencyEncoding()) {
                entry(out, "\"frequency_encoding\"", "True");
            }
            entry(out, "\"include_main\"", PythonLiterals.bool(interaction.includeMain()));
            out.append(INDENT).append("},\n");
        }
        out.append("]\n\n");
    }

    private static void entry(StringBuilder out, String key, String value) {
        out.append(INDENT).append(INDENT).append(key).append(": ").append(value).append(",\n");
    }

    /**
     * A term's dict as rustystats reads it: unset (null) options are stripped, and so is a spline degree of 3, the
     * default. Other options are kept even at a default value: the spec says the actuary set them (e.g.
     * {@code "prior_weight": 1.0}).
     */
    static String termOptions(TermSpec term) {
        TermType type = term.type();
        List<String> options = new ArrayList<>();
        options.add("\"type\": " + PythonLiterals.string(type.id()));
        if (term.df() != null) {
            options.add("\"df\": " + PythonLiterals.integer(term.df()));
        }
        if (term.k() != null) {
            options.add("\"k\": " + PythonLiterals.integer(term.k()));
        }
        boolean spline = type.isSpline();
        if (term.degree() != null && !(spline && term.degree() == DEFAULT_SPLINE_DEGREE)) {
            options.add("\"degree\": " + PythonLiterals.integer(term.degree()));
        }
        if (term.monotonicity() != null) {
            options.add("\"monotonicity\": " + PythonLiterals.string(term.monotonicity().id()));
        }
        if (term.levels() != null) {
            options.add("\"levels\": " + PythonLiterals.strings(term.levels()));
        }
        if (term.priorWeight() != null) {
            options.add("\"prior_weight\": " + PythonLiterals.floating(term.priorWeight()));
        }
        if (term.nPermutations() != null) {
            options.add("\"n_permutations\": " + PythonLiterals.integer(term.nPermutations()));
        }
        if (term.expr() != null) {
            options.add("\"expr\": " + PythonLiterals.string(term.expr()));
        }
        return "{" + String.join(", ", options) + "}";
    }

    /**
     * {@code glm_dict}'s arguments in signature order, defaults left out (no {@code link=None},
     * {@code intercept=True} or {@code weights=None}). The family is always written so the script says what it fits.
     * var_power is written only for tweedie and theta only for negbinomial, the only families that read them; the
     * seed of the spec's fit options is glm_dict's seed.
     */
    private static List<String> modelArguments(ModelSpec spec) {
        String family = LinkRules.family(spec);
        LinkRules.effectiveLink(spec); // rejects an unknown link before any code is written
        List<String> args = new ArrayList<>();
        args.add("response=" + PythonLiterals.string(spec.response()));
        args.add("terms=terms");
        args.add("data=data");
        if (!spec.interactions().isEmpty()) {
            args.add("interactions=interactions");
        }
        if (!spec.intercept()) {
            args.add("intercept=False");
        }
        args.add("family=" + PythonLiterals.string(family));
        if (spec.link() != null) {
            args.add("link=" + PythonLiterals.string(spec.link()));
        }
        if (family.equals("tweedie") && Double.compare(spec.varPower(), DEFAULT_VAR_POWER) != 0) {
            args.add("var_power=" + PythonLiterals.floating(spec.varPower()));
        }
        if (family.equals("negbinomial") && spec.theta() != null) {
            args.add("theta=" + PythonLiterals.floating(spec.theta()));
        }
        if (spec.offset() != null) {
            args.add("offset=" + PythonLiterals.string(spec.offset()));
        }
        if (spec.weights() != null) {
            args.add("weights=" + PythonLiterals.string(spec.weights()));
        }
        if (spec.fitOptions().seed() != null) {
            args.add("seed=" + PythonLiterals.integer(spec.fitOptions().seed()));
        }
        return args;
    }

    /**
     * fit()'s arguments that differ from rustystats' defaults (a plain {@code fit()} when none do), in the order of
     * the spec's fit options. When a
     * cross-validated path is requested (regularization or cv set) the seed also fixes the folds ({@code cv_seed}),
     * so the script selects the same alpha on every run.
     */
    private static List<String> fitArguments(FitOptions options) {
        FitOptions defaults = FitOptions.DEFAULT;
        List<String> args = new ArrayList<>();
        if (Double.compare(options.alpha(), defaults.alpha()) != 0) {
            args.add("alpha=" + PythonLiterals.floating(options.alpha()));
        }
        if (Double.compare(options.l1Ratio(), defaults.l1Ratio()) != 0) {
            args.add("l1_ratio=" + PythonLiterals.floating(options.l1Ratio()));
        }
        if (options.maxIter() != defaults.maxIter()) {
            args.add("max_iter=" + PythonLiterals.integer(options.maxIter()));
        }
        if (Double.compare(options.tol(), defaults.tol()) != 0) {
            args.add("tol=" + PythonLiterals.floating(options.tol()));
        }
        if (options.regularization() != null) {
            args.add("regularization=" + PythonLiterals.string(options.regularization().id()));
        }
        if (options.cv() != null) {
            args.add("cv=" + PythonLiterals.integer(options.cv()));
        }
        if (options.selection() != defaults.selection()) {
            args.add("selection=" + PythonLiterals.string(options.selection().id()));
        }
        if (options.nAlphas() != defaults.nAlphas()) {
            args.add("n_alphas=" + PythonLiterals.integer(options.nAlphas()));
        }
        boolean crossValidated = options.regularization() != null || options.cv() != null;
        if (crossValidated && options.seed() != null) {
            args.add("cv_seed=" + PythonLiterals.integer(options.seed()));
        }
        return args;
    }

    /** {@code target(\n    a,\n    b,\n)} as the script lays out calls, or {@code target()} without arguments. */
    private static void appendCall(StringBuilder out, String target, List<String> args) {
        if (args.isEmpty()) {
            out.append(target).append("()\n");
            return;
        }
        out.append(target).append("(\n");
        for (String arg : args) {
            out.append(INDENT).append(arg).append(",\n");
        }
        out.append(")\n");
    }

    private static String name(TermSpec term) {
        if (term.name() == null) {
            throw new UnsupportedSpecException("A term of type '" + term.type() + "' has no name");
        }
        return term.name();
    }
}
