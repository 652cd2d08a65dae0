package org.atelier.engine.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.atelier.engine.TestCsv;
import org.atelier.engine.error.CancelledError;
import org.atelier.engine.fit.FittedModel;
import org.atelier.engine.fit.GlmFitter;
import org.atelier.engine.frame.Frame;
import org.atelier.engine.frame.NumericColumn;
import org.atelier.engine.inference.Distributions;
import org.atelier.engine.spec.FitOptions;
import org.atelier.engine.spec.ModelSpec;
import org.atelier.engine.spec.TermSpec;
import org.junit.jupiter.api.Test;

/** Drop-one tests against R's {@code drop1} (χ² for Poisson, F for Gamma), progress and cancellation. */
class DropOneRefitTest {
    private static final Frame PORTFOLIO = TestCsv.resource("refs/portfolio50k.csv.gz");
    private static final FitOptions TIGHT = FitOptions.DEFAULT.withIterations(100, 1e-12);

    private static Frame firstRows(int n) {
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) rows[i] = i;
        return PORTFOLIO.rows(rows);
    }

    @Test
    void poissonDropOneMatchesRsDrop1WithChiSquaredTests() {
        ModelSpec spec = ModelSpec.of("ClaimNb", "poisson", List.of(TermSpec.categorical("Area"),
                TermSpec.categorical("VehGas"), TermSpec.linear("DrivAge"))).withOffset("Exposure").withFitOptions(TIGHT);
        Frame data = firstRows(5000);
        FittedModel model = GlmFitter.fit(spec, data);
        List<String> heard = new ArrayList<>();
        List<DropOneTest> tests = Diagnostics.dropOne(model, data, new DropOneMonitor() {
            @Override
            public void onTerm(int index, int total, String term) {
                heard.add(index + "/" + total + " " + term);
            }
        });
        assertEquals(List.of("0/3 Area", "1/3 VehGas", "2/3 DrivAge", "3/3 null"), heard);
        // R 4.2.2: drop1(glm(ClaimNb ~ Area + VehGas + DrivAge + offset(log(Exposure)), poisson, d[1:5000, ]), test = "Chisq")
        double[][] r = {{5, 1686.707661197, 30.506585547136, 1.17208616496289e-05},
            {1, 1666.709363129, 10.508287478951, 1.18840340994810e-03}, {1, 1656.315297984, 0.114222334484, 7.35387341138179e-01}};
        for (int j = 0; j < 3; j++) {
            DropOneTest t = tests.get(j);
            assertEquals((int) r[j][0], t.df());
            assertEquals(r[j][1], t.deviance(), 1e-6 * r[j][1]);
            assertEquals(r[j][2], t.deltaDeviance(), 1e-6);
            assertEquals("Chisq", t.test());
            assertEquals(r[j][3], t.pValue(), 1e-6 * r[j][3]);
        }
    }

    @Test
    void gammaDropOneUsesRsFTest() {
        Frame claims = claimsOnly(firstRows(5000));
        ModelSpec spec = ModelSpec.of("ClaimAmount", "gamma", List.of(TermSpec.categorical("VehGas"),
                TermSpec.linear("DrivAge"), TermSpec.categorical("Area"))).withLink("log").withFitOptions(TIGHT);
        FittedModel model = GlmFitter.fit(spec, claims);
        assertEquals(286, claims.rowCount());
        List<DropOneTest> tests = Diagnostics.dropOne(model, claims, DropOneMonitor.NONE);
        // R 4.2.2: drop1(glm(ClaimAmount ~ VehGas + DrivAge + Area, Gamma("log"), s), test = "F")
        double[] f = {1.161246037783427, 0.455798764339811, 1.012288561473160};
        double[] p = {0.282141455739835, 0.500155123497938, 0.410668820040383};
        double[] deviance = {203.0707624004, 202.5575976339, 205.9078894829};
        for (int j = 0; j < 3; j++) {
            assertEquals("F", tests.get(j).test());
            assertEquals(deviance[j], tests.get(j).deviance(), 1e-6 * deviance[j]);
            assertEquals(f[j], tests.get(j).statistic(), 1e-6 * f[j]);
            assertEquals(p[j], tests.get(j).pValue(), 1e-6);
        }
    }

    @Test
    void dropOneStopsWhenCancelled() {
        ModelSpec spec = ModelSpec.of("ClaimNb", "poisson", List.of(TermSpec.categorical("Area"),
                TermSpec.linear("DrivAge"))).withOffset("Exposure");
        Frame data = firstRows(2000);
        FittedModel model = GlmFitter.fit(spec, data);
        assertThrows(CancelledError.class, () -> Diagnostics.dropOne(model, data, new DropOneMonitor() {
            private int terms;

            @Override
            public void onTerm(int index, int total, String term) {
                terms++;
            }

            @Override
            public boolean isCancelled() {
                return terms > 0; // after the first term's refit has started
            }
        }));
    }

    @Test
    void tailProbabilitiesMatchR() {
        assertEquals(0.050043521248705224, Distributions.chiSquaredUpper(3.84, 1), 1e-13);
        assertEquals(0.03279698999488366, Distributions.chiSquaredUpper(10.5, 4), 1e-13);
        assertEquals(0.052922149401344654, Distributions.fUpper(4, 2, 10), 1e-13);
        assertEquals(0.55590565505276923, Distributions.fUpper(0.7, 3, 57.5), 1e-12);
    }

    private static Frame claimsOnly(Frame frame) {
        double[] amount = ((NumericColumn) frame.column("ClaimAmount").orElseThrow()).values();
        int n = 0;
        for (double a : amount) if (a > 0) n++;
        int[] rows = new int[n];
        for (int i = 0, j = 0; i < amount.length; i++) if (amount[i] > 0) rows[j++] = i;
        return frame.rows(rows);
    }
}
