package org.atelier.ui.spec;

import java.util.List;

/** The eight families with what an actuary uses each for, and their canonical links (§15.7). */
record Families(String id, String label, String description, String canonicalLink) {
    static final List<Families> ALL = List.of(
            new Families("gaussian", "Gaussian", "Continuous response with constant variance", "identity"),
            new Families("poisson", "Poisson", "Claim counts; use the exposure as offset", "log"),
            new Families("binomial", "Binomial", "0/1 outcomes or proportions, e.g. lapse or renewal", "logit"),
            new Families("gamma", "Gamma", "Positive amounts, e.g. claim severity", "log"),
            new Families("tweedie", "Tweedie", "Pure premium: many zeros plus positive amounts", "log"),
            new Families("quasipoisson", "Quasi-Poisson", "Counts with over-dispersion (no AIC)", "log"),
            new Families("quasibinomial", "Quasi-Binomial", "Proportions with over-dispersion (no AIC)", "logit"),
            new Families("negbinomial", "Negative Binomial", "Over-dispersed counts with a θ parameter", "log"));
    static final List<String> LINKS = List.of("identity", "log", "logit", "inverse");

    static Families of(String id) {
        return ALL.stream().filter(f -> f.id.equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown family " + id));
    }
}
