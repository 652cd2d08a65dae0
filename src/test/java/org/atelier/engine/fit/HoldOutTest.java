package org.atelier.engine.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.atelier.engine.TestCsv;
import org.atelier.engine.error.ValidationError;
import org.atelier.engine.frame.Frame;
import org.atelier.engine.spec.ModelSpec;
import org.atelier.engine.spec.TermSpec;
import org.atelier.engine.spec.Validation;
import org.atelier.model.ModelSpecJson;
import org.junit.jupiter.api.Test;

/** The spec's validation: which rows are test rows, the fit on the training rows only, and the refusals. */
class HoldOutTest {
    private static final Frame DATA = TestCsv.resource("refs/portfolio50k.csv.gz").rows(range(5000));
    private static final ModelSpec SPEC = ModelSpec.of("ClaimNb", "poisson",
            List.of(TermSpec.categorical("Area"), TermSpec.linear("DrivAge"))).withOffset("Exposure");

    private static int[] range(int n) {
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) rows[i] = i;
        return rows;
    }

    @Test
    void randomSplitIsAPureFunctionOfSeedAndRowAsThePythonScriptDrawsIt() {
        // the generated Python script's SplitMix64 gives these (computed with Python's integers)
        assertEquals(0.7415648787718233, HoldOut.uniform(42, 0), 0);
        assertEquals(0.1599103928769201, HoldOut.uniform(42, 1), 0);
        assertEquals(0.03803016854024621, HoldOut.uniform(42, 4), 0);
        assertEquals(0.15940421119544657, HoldOut.uniform(-7, 3), 0);
        boolean[] test = HoldOut.testRows(Validation.random(0.2, 42), DATA);
        int n = 0;
        for (boolean t : test) if (t) n++;
        assertTrue(n > 900 && n < 1100, "about 20% of 5000: " + n);
        boolean[] prefix = HoldOut.testRows(Validation.random(0.2, 42), DATA.rows(range(100)));
        for (int i = 0; i < 100; i++) {
            assertEquals(test[i], prefix[i], "a row's part does not depend on the other rows");
        }
    }

    @Test
    void theModelIsFittedOnTheTrainingRowsOnly() {
        ModelSpec spec = SPEC.withValidation(Validation.column("Area", List.of("A", "F")));
        HoldOut.Split split = HoldOut.split(spec, DATA);
        FittedModel held = GlmFitter.fit(spec, DATA);
        FittedModel direct = GlmFitter.fit(SPEC, split.train());
        assertEquals(split.train().rowCount(), held.statistics().nObs());
        assertEquals(direct.statistics().deviance(), held.statistics().deviance(), 0);
        assertEquals(DATA.rowCount(), split.train().rowCount() + split.test().rowCount());
        assertTrue(split.test().rowCount() > 0);
        FittedModel stored = ModelSerializer.read(ModelSerializer.write(held)); // a stored model keeps its hold-out
        assertEquals(spec, stored.spec());
        ModelSpec random = SPEC.withValidation(Validation.random(0.3, -5));
        assertEquals(random, ModelSerializer.read(ModelSerializer.write(GlmFitter.fit(random, DATA))).spec());
    }

    @Test
    void badValidationsAreRefusedNamingTheCulprit() {
        String unknown = assertThrows(ValidationError.class, () -> GlmFitter.fit(
                SPEC.withValidation(Validation.column("Group", List.of("test"))), DATA)).getMessage();
        assertTrue(unknown.contains("'Group'") && unknown.contains("not in the dataset"), unknown);
        String none = assertThrows(ValidationError.class, () -> GlmFitter.fit(
                SPEC.withValidation(Validation.column("Area", List.of("Z"))), DATA)).getMessage();
        assertTrue(none.contains("no test rows"), none);
        String all = assertThrows(ValidationError.class, () -> GlmFitter.fit(
                SPEC.withValidation(Validation.column("Area", List.of("A", "B", "C", "D", "E", "F"))), DATA)).getMessage();
        assertTrue(all.contains("no training rows"), all);
        String fraction = assertThrows(ValidationError.class, () -> GlmFitter.fit(
                SPEC.withValidation(Validation.random(1.0, 1)), DATA)).getMessage();
        assertTrue(fraction.contains("strictly between 0 and 1"), fraction);
    }

    @Test
    void theSpecJsonReadsAndWritesTheValidation() {
        String base = "{\"response\": \"ClaimNb\", \"family\": \"poisson\", \"terms\": {\"Area\": {\"type\": \"categorical\"}}, ";
        ModelSpec random = ModelSpecJson.read(base + "\"validation\": {\"method\": \"random\", \"fraction\": 0.2, \"seed\": 42}}");
        assertEquals(Validation.random(0.2, 42), random.validation());
        ModelSpec column = ModelSpecJson.read(base
                + "\"validation\": {\"method\": \"column\", \"column\": \"Group\", \"test_values\": [\"test\", 2017]}}");
        assertEquals(Validation.column("Group", List.of("test", "2017")), column.validation());
        assertEquals(column, ModelSpecJson.read(ModelSpecJson.write(column)));
        assertEquals(random, ModelSpecJson.read(ModelSpecJson.write(random)));
        assertEquals(null, ModelSpecJson.read(base.substring(0, base.length() - 2) + "}").validation());
        for (String[] bad : new String[][] {
                {"{\"method\": \"random\", \"fraction\": 0}", "strictly between 0 and 1"},
                {"{\"method\": \"random\", \"fraction\": 1.5}", "strictly between 0 and 1"},
                {"{\"method\": \"kfold\"}", "\"random\" or \"column\""},
                {"{\"method\": \"column\", \"test_values\": [\"x\"]}", "needs a column"},
                {"{\"method\": \"column\", \"column\": \"Group\"}", "at least one test value"},
                {"\"random\"", "must be an object"}}) {
            String message = assertThrows(ValidationError.class,
                    () -> ModelSpecJson.read(base + "\"validation\": " + bad[0] + "}")).getMessage();
            assertTrue(message.contains(bad[1]), message);
        }
    }
}
