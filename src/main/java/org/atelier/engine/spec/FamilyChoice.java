package org.atelier.engine.spec;

import java.util.Arrays;
import java.util.List;
import org.atelier.engine.family.Family;
import org.atelier.engine.family.Link;

/**
 * A family as a spec may name it, with the links the engine accepts for it, the link a spec without one gets and
 * the canonical link where the engine offers it. The workbench builds its family and link selects from these, so
 * it offers exactly what the engine fits.
 *
 * @param canonicalLink null when the family's canonical link is not one the engine offers (Tweedie, negative binomial)
 */
public record FamilyChoice(String id, String defaultLink, String canonicalLink, List<String> links) {

    /** Every family, in the order the workbench lists them. */
    public static List<FamilyChoice> all() {
        return Family.IDS.stream().map(FamilyChoice::of).toList();
    }

    public static FamilyChoice of(String id) {
        // The Tweedie power and θ only shape the variance, not the links: any valid value describes the family.
        Family family = Family.of(id, 1.5, Double.NaN);
        List<String> links = Arrays.stream(Link.values()).filter(family.allowedLinks()::contains)
                .map(Link::id).toList();
        return new FamilyChoice(family.id(), family.defaultLink().id(),
                family.canonicalLink().map(Link::id).orElse(null), links);
    }

    /** How a link select names a link: "(canonical)" for the canonical one, "(default)" for a non-canonical default. */
    public String linkLabel(String link) {
        if (link.equals(canonicalLink)) {
            return link + " (canonical)";
        }
        return link.equals(defaultLink) ? link + " (default)" : link;
    }
}
