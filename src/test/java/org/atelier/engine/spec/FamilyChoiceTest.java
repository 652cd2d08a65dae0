package org.atelier.engine.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FamilyChoiceTest {

    @Test
    void everyFamilyOffersItsDefaultLinkAndOnlyLinksTheEngineAccepts() {
        for (FamilyChoice choice : FamilyChoice.all()) {
            assertThat(choice.links()).contains(choice.defaultLink());
            if (choice.canonicalLink() != null) {
                assertThat(choice.links()).contains(choice.canonicalLink());
            }
        }
        assertThat(FamilyChoice.of("poisson").links()).containsExactly("identity", "log");
    }

    @Test
    void aNonCanonicalDefaultIsLabelledDefaultAndTheCanonicalLinkCanonical() {
        FamilyChoice gamma = FamilyChoice.of("gamma");
        assertThat(List.of("identity", "log", "inverse").stream().map(gamma::linkLabel))
                .containsExactly("identity", "log (default)", "inverse (canonical)");
        assertThat(FamilyChoice.of("poisson").linkLabel("log")).isEqualTo("log (canonical)");
        assertThat(FamilyChoice.of("tweedie").linkLabel("log")).isEqualTo("log (default)");
    }
}
