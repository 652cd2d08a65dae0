package org.atelier.codegen;

import org.atelier.engine.spec.FamilyChoice;
import org.atelier.engine.spec.ModelSpec;

/**
 * The family and link a generated program uses, decided by the engine's own {@link FamilyChoice} so that the code
 * fits what the workbench fitted. Both generators need it, e.g. to show relativities only under a log link.
 */
final class LinkRules {

    private LinkRules() {
    }

    /** The family's spec name; null (never set) means gaussian, as in {@link ModelSpec}. */
    static String family(ModelSpec spec) {
        return choice(spec).id();
    }

    /** The link the fit will use: the explicit one, or the family's default link when the spec leaves it null. */
    static String effectiveLink(ModelSpec spec) {
        FamilyChoice choice = choice(spec);
        if (spec.link() == null) {
            return choice.defaultLink();
        }
        if (!choice.links().contains(spec.link())) {
            throw new UnsupportedSpecException("The link '" + spec.link() + "' is not available for the " + choice.id()
                    + " family: expected one of " + String.join(", ", choice.links()));
        }
        return spec.link();
    }

    static String defaultLink(String family) {
        return FamilyChoice.of(family).defaultLink();
    }

    /** Relativities exp(β) are multiplicative effects only under a log link. */
    static boolean isLogLink(ModelSpec spec) {
        return effectiveLink(spec).equals("log");
    }

    private static FamilyChoice choice(ModelSpec spec) {
        String family = spec.family() == null ? "gaussian" : spec.family();
        try {
            return FamilyChoice.of(family);
        } catch (RuntimeException unknown) {
            throw new UnsupportedSpecException(unknown.getMessage());
        }
    }
}
