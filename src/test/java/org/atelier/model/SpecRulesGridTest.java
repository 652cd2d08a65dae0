package org.atelier.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.atelier.data.ColumnProfile;
import org.atelier.data.Profiler;
import org.atelier.engine.Frames;
import org.atelier.engine.error.GlmException;
import org.atelier.engine.error.ValidationError;
import org.atelier.engine.family.Link;
import org.atelier.engine.fit.GlmFitter;
import org.atelier.engine.frame.Frame;
import org.atelier.engine.spec.FamilyChoice;
import org.atelier.engine.spec.FitOptions;
import org.atelier.engine.spec.InteractionSpec;
import org.atelier.engine.spec.ModelSpec;
import org.atelier.engine.spec.Monotonicity;
import org.atelier.engine.spec.PenaltyKind;
import org.atelier.engine.spec.Selection;
import org.atelier.engine.spec.TermSpec;
import org.atelier.engine.spec.TermType;
import org.atelier.engine.spec.Validation;
import org.junit.jupiter.api.Test;

/**
 * The workbench and the engine agree on every spec of a grid (families × links, term types × options,
 * interactions, regularization, validation) on a small generated portfolio: the engine refuses a spec
 * (ValidationError) exactly when the workbench's validator has an error, and with the validator's first message.
 */
class SpecRulesGridTest {
    private static final int N = 240;
    private static final Frame FRAME = frame();
    private static final List<ColumnProfile> PROFILES = Profiler.profile(FRAME).columns();

    private static Frame frame() {
        SplittableRandom random = new SplittableRandom(7);
        double[] x = new double[N];
        double[] age = new double[N];
        double[] k = new double[N];
        double[] count = new double[N];
        double[] binary = new double[N];
        double[] severity = new double[N];
        double[] exposure = new double[N];
        String[] g = new String[N];
        for (int i = 0; i < N; i++) {
            x[i] = 1 + random.nextDouble() * 9;
            age[i] = 18 + random.nextInt(60);
            k[i] = 1 + random.nextInt(3);
            g[i] = String.valueOf((char) ('a' + random.nextInt(4)));
            exposure[i] = 0.2 + random.nextDouble() * 0.8;
            double mu = exposure[i] * Math.exp(-1 + 0.1 * x[i]);
            count[i] = poisson(random, mu);
            binary[i] = random.nextDouble() < 1 / (1 + Math.exp(1 - 0.2 * x[i])) ? 1 : 0;
            severity[i] = (50 + 10 * x[i]) * (0.5 + random.nextDouble());
        }
        return Frames.builder().numeric("x", x).numeric("age", age).numeric("k", k).numeric("count", count)
                .numeric("binary", binary).numeric("severity", severity).numeric("exposure", exposure)
                .text("g", g).build();
    }

    private static int poisson(SplittableRandom random, double mu) {
        int n = 0;
        double p = Math.exp(-mu);
        double u = random.nextDouble();
        double cumulative = p;
        while (u > cumulative && n < 20) {
            n++;
            p *= mu / n;
            cumulative += p;
        }
        return n;
    }

    private static TermSpec term(String name, TermType type, Integer df, Integer k, Integer degree,
                                 Monotonicity monotonicity, String expr, Double priorWeight, Integer permutations) {
        return new TermSpec(name, type, df, k, degree, monotonicity, null, expr, priorWeight, permutations);
    }

    /** One term at a time beside a plain linear age: every type, and options each type takes or refuses. */
    private static List<TermSpec> termVariants() {
        List<TermSpec> terms = new ArrayList<>(List.of(TermSpec.linear("x"), TermSpec.categorical("g"),
                TermSpec.categorical("k"), TermSpec.bs("x", 4, null), TermSpec.bs("x", 2, 3), TermSpec.ns("x", 3),
                term("x", TermType.NS, 3, null, 2, null, null, null, null),
                term("x", TermType.BS, null, 8, null, null, null, null, null),
                term("x", TermType.BS, null, 3, null, null, null, null, null),
                term("x", TermType.BS, 4, 8, null, null, null, null, null),
                term("x", TermType.BS, 4, null, 5, null, null, null, null),
                term("x", TermType.LINEAR, null, null, null, Monotonicity.INCREASING, null, null, null),
                term("x", TermType.BS, 4, null, null, Monotonicity.DECREASING, null, null, null),
                term("g", TermType.CATEGORICAL, null, null, null, Monotonicity.INCREASING, null, null, null),
                term("x", TermType.NS, 3, null, null, Monotonicity.INCREASING, null, null, null),
                term("x", TermType.BS, null, 8, null, Monotonicity.INCREASING, null, null, null),
                term("g", TermType.TARGET_ENCODING, null, null, null, null, null, null, null),
                term("g", TermType.TARGET_ENCODING, null, null, null, null, null, 2.0, 3),
                term("g", TermType.FREQUENCY_ENCODING, null, null, null, null, null, null, null),
                term("g", TermType.CATEGORICAL, null, null, null, null, null, 2.0, null),
                term("g", TermType.LINEAR, null, null, null, null, null, null, null),
                term("g", TermType.BS, 4, null, null, null, null, null, null),
                TermSpec.expression("logx", "log(x)"), TermSpec.expression("bad", "log(nothere)"),
                TermSpec.expression("blank", " "), TermSpec.expression("broken", "log(x"),
                TermSpec.linear("nothere"), TermSpec.linear("age")));
        terms.add(term("x", TermType.BS, 101, null, null, null, null, null, null));
        return terms;
    }

    private static List<List<InteractionSpec>> interactionVariants() {
        TermSpec g = TermSpec.categorical("g");
        TermSpec k = TermSpec.categorical("k");
        return List.of(List.of(), List.of(InteractionSpec.of(g, TermSpec.linear("age"), true)),
                List.of(new InteractionSpec(g, k, false, true, false)),
                List.of(new InteractionSpec(g, k, true, false, true)),
                List.of(new InteractionSpec(g, k, false, true, true)),
                List.of(new InteractionSpec(g, k, false, false, false, 2.0, null)),
                List.of(InteractionSpec.of(term("g", TermType.TARGET_ENCODING, null, null, null, null, null, null, null), k, false)),
                List.of(InteractionSpec.of(g, term("age", TermType.BS, null, 8, null, null, null, null, null), false)),
                List.of(InteractionSpec.of(g, term("age", TermType.LINEAR, null, null, null, Monotonicity.INCREASING,
                        null, null, null), false)),
                List.of(InteractionSpec.of(g, TermSpec.linear("count"), false)));
    }

    private static List<FitOptions> optionVariants() {
        FitOptions d = FitOptions.DEFAULT;
        return List.of(d, new FitOptions(0.05, 0, 25, 1e-8, PenaltyKind.RIDGE, null, Selection.MIN, 20, 1L),
                new FitOptions(0, 1, 25, 1e-8, PenaltyKind.LASSO, 3, Selection.ONE_SE, 5, 1L),
                new FitOptions(0.05, 0.5, 25, 1e-8, null, null, Selection.MIN, 20, null),
                new FitOptions(0, 0.5, 25, 1e-8, PenaltyKind.ELASTIC_NET, null, Selection.MIN, 20, null),
                new FitOptions(0.05, 1.5, 25, 1e-8, PenaltyKind.ELASTIC_NET, null, Selection.MIN, 20, null),
                new FitOptions(0, 1, 25, 1e-8, PenaltyKind.LASSO, 1, Selection.MIN, 5, null),
                new FitOptions(0, 1, 25, 1e-8, PenaltyKind.LASSO, 3, Selection.MIN, 1, null),
                new FitOptions(0, 1, 25, 1e-8, PenaltyKind.LASSO, 51, Selection.MIN, 5, null),
                new FitOptions(0, 0, 0, 1e-8, null, null, Selection.MIN, 20, null));
    }

    private static List<Validation> validationVariants() {
        return java.util.Arrays.asList(null, Validation.random(0.3, 1L), Validation.random(1.5, 1L),
                Validation.column("g", List.of("a")), Validation.column("nothere", List.of("a")),
                Validation.column("g", List.of()));
    }

    private static String response(String family) {
        return switch (family) {
            case "binomial", "quasibinomial" -> "binary";
            case "gamma", "gaussian", "tweedie" -> "severity";
            default -> "count";
        };
    }

    private static ModelSpec spec(String family, String link, List<TermSpec> terms, List<InteractionSpec> interactions,
                                  FitOptions options, Validation validation, Double theta, double varPower) {
        return new ModelSpec(response(family), terms, interactions, family, link, varPower, theta,
                null, null, true, options, validation);
    }

    private record Outcome(String validator, String engine) {
    }

    @Test
    void theEngineRefusesExactlyWhatTheValidatorRefusesAndSaysTheSame() {
        List<ModelSpec> grid = new ArrayList<>();
        for (FamilyChoice family : FamilyChoice.all()) {
            for (Link link : Link.values()) {
                for (TermSpec term : List.of(TermSpec.linear("x"), TermSpec.categorical("g"), TermSpec.bs("x", 4, null))) {
                    grid.add(spec(family.id(), link.id(), List.of(TermSpec.linear("age"), term), List.of(),
                            FitOptions.DEFAULT, null, family.id().equals("negbinomial") ? 2.0 : null, 1.5));
                }
            }
        }
        for (TermSpec term : termVariants()) {
            for (FitOptions options : List.of(FitOptions.DEFAULT, optionVariants().get(1))) {
                for (Double theta : java.util.Arrays.asList(null, 2.0, -1.0)) {
                    grid.add(spec("negbinomial", null, List.of(TermSpec.linear("age"), term), List.of(), options, null,
                            theta, 1.5));
                }
                grid.add(spec("poisson", "log", List.of(TermSpec.linear("age"), term), List.of(), options, null, null, 1.5));
            }
        }
        for (List<InteractionSpec> interactions : interactionVariants()) {
            grid.add(spec("poisson", null, List.of(TermSpec.linear("x")), interactions, FitOptions.DEFAULT, null, null, 1.5));
        }
        for (FitOptions options : optionVariants()) {
            for (Validation validation : validationVariants()) {
                grid.add(spec("poisson", null, List.of(TermSpec.linear("x"), TermSpec.categorical("g")), List.of(),
                        options, validation, null, 1.5));
            }
        }
        for (double power : new double[] {0, 0.5, 1.5, 2.5, -1}) {
            grid.add(spec("tweedie", null, List.of(TermSpec.linear("x")), List.of(), FitOptions.DEFAULT, null, null, power));
        }
        grid.add(spec("poisson", null, List.of(TermSpec.linear("x"), TermSpec.linear("x")), List.of(), FitOptions.DEFAULT,
                null, null, 1.5));
        grid.add(spec("poisson", null, List.of(TermSpec.linear("count")), List.of(), FitOptions.DEFAULT, null, null, 1.5));
        grid.add(spec("poison", null, List.of(TermSpec.linear("x")), List.of(), FitOptions.DEFAULT, null, null, 1.5));

        List<String> disagreements = new ArrayList<>();
        int refused = 0;
        int dataFailures = 0;
        for (ModelSpec spec : grid) {
            String validator = SpecValidator.firstError(SpecValidator.validate(spec, PROFILES));
            String engine = null;
            try {
                GlmFitter.fit(spec, FRAME);
            } catch (ValidationError e) {
                engine = e.getMessage();
            } catch (GlmException e) {
                dataFailures++; // the data, not the spec (convergence, separation): the rules let it through
                if (validator != null) {
                    disagreements.add(ModelSpecJson.write(spec) + "\n  validator: " + validator + "\n  engine: " + e);
                }
                continue;
            }
            if (validator != null) {
                refused++;
            }
            if (validator == null ? engine != null : !validator.equals(engine)) {
                disagreements.add(ModelSpecJson.write(spec) + "\n  validator: " + validator + "\n  engine: " + engine);
            }
        }
        assertThat(disagreements).as("specs the validator and the engine judge differently").isEmpty();
        assertThat(grid.size()).isGreaterThan(250);
        assertThat(refused).as("refused specs in the grid").isGreaterThan(60);
        assertThat(grid.size() - refused - dataFailures).as("fitted specs in the grid").isGreaterThan(100);
    }
}
