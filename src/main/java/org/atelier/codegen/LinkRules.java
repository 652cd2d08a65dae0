package org.atelier.codegen;

import java.util.List;
import java.util.Map;
import org.atelier.engine.spec.ModelSpec;

/**
 * The family and link vocabulary of §15.1 with the canonical links of §15.7. Both generators need it to decide
 * whether a model has a log link (relativities are only shown then), so it lives here rather than in the engine.
 */
final class LinkRules {
    /** §15.7, in the order of §15.1's family list. */
    private static final Map<String, String> CANONICAL_LINK = Map.of(
            "gaussian", "identity",
            "poisson", "log",
            "binomial", "logit",
            "gamma", "log",
            "tweedie", "log",
            "quasipoisson", "log",
            "quasibinomial", "logit",
            "negbinomial", "log");
    private static final List<String> LINKS = List.of("identity", "log", "logit", "inverse");

    private LinkRules() {
    }

    /** The family name as rustystats spells it; null (never set) means gaussian, as in {@link ModelSpec}. */
    static String family(ModelSpec spec) {
        String family = spec.family() == null ? "gaussian" : spec.family();
        if (!CANONICAL_LINK.containsKey(family)) {
            throw new UnsupportedSpecException("Unknown family '" + family + "': expected one of gaussian, poisson, "
                    + "binomial, gamma, tweedie, quasipoisson, quasibinomial, negbinomial");
        }
        return family;
    }

    /** The link the fit will use: the explicit one, or the family's canonical link when the spec leaves it null. */
    static String effectiveLink(ModelSpec spec) {
        String family = family(spec);
        if (spec.link() == null) {
            return CANONICAL_LINK.get(family);
        }
        if (!LINKS.contains(spec.link())) {
            throw new UnsupportedSpecException("Unknown link '" + spec.link() + "': expected one of " + LINKS);
        }
        return spec.link();
    }

    static String canonicalLink(String family) {
        return CANONICAL_LINK.get(family);
    }

    /** Relativities exp(β) are multiplicative effects only under a log link (§10.3 rule 6). */
    static boolean isLogLink(ModelSpec spec) {
        return effectiveLink(spec).equals("log");
    }
}
