package org.atelier.ui.spec;

import java.util.List;
import java.util.Map;
import org.atelier.engine.spec.FamilyChoice;

/**
 * One family the engine fits, with the name and the one-line use an actuary reads in the family select.
 * Which families exist, their links and their default link come from the engine's {@link FamilyChoice}; only the
 * words are the workbench's.
 */
record FamilyOption(FamilyChoice choice, String label, String description) {
    private static final Map<String, List<String>> WORDS = Map.of(
            "gaussian", List.of("Gaussian", "Continuous response with constant variance"),
            "poisson", List.of("Poisson", "Claim counts; use the exposure as offset"),
            "binomial", List.of("Binomial", "0/1 outcomes or proportions, e.g. lapse or renewal"),
            "gamma", List.of("Gamma", "Positive amounts, e.g. claim severity"),
            "tweedie", List.of("Tweedie", "Pure premium: many zeros plus positive amounts"),
            "quasipoisson", List.of("Quasi-Poisson", "Counts with over-dispersion (no AIC)"),
            "quasibinomial", List.of("Quasi-Binomial", "Proportions with over-dispersion (no AIC)"),
            "negbinomial", List.of("Negative Binomial", "Over-dispersed counts with a θ parameter"));

    static final List<FamilyOption> ALL = FamilyChoice.all().stream().map(FamilyOption::describe).toList();

    String id() {
        return choice.id();
    }

    static FamilyOption of(String id) {
        return ALL.stream().filter(f -> f.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown family " + id));
    }

    private static FamilyOption describe(FamilyChoice choice) {
        List<String> words = WORDS.get(choice.id());
        if (words == null) {
            // A family the engine gained without words here: show its id rather than hide it.
            return new FamilyOption(choice, choice.id(), "");
        }
        return new FamilyOption(choice, words.get(0), words.get(1));
    }
}
