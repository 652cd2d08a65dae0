package org.atelier.fit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How an IRLS iteration reads in the fit's progress line. */
class FitEventTest {
    private static String line(double change) {
        return new FitEvent.Progress("m", "p", FitStage.ITERATING, 4, 25, 135_200.4, change).describe();
    }

    @Test
    void theDevianceChangeKeepsItsSignAndSizeAsAFitConverges() {
        assertThat(line(-1_500.2)).isEqualTo("Iteration 4/25 · deviance 135,200 (Δ −1,500)");
        assertThat(line(3.4)).isEqualTo("Iteration 4/25 · deviance 135,200 (Δ +3)");
        // a converged fit's last steps change the deviance by far less than 1: never "Δ −0"
        assertThat(line(-0.0031)).isEqualTo("Iteration 4/25 · deviance 135,200 (Δ −0.0031)");
        assertThat(line(0)).isEqualTo("Iteration 4/25 · deviance 135,200 (Δ 0)");
        assertThat(line(Double.NaN)).isEqualTo("Iteration 4/25 · deviance 135,200");
    }
}
