package org.atelier.data;

import java.util.List;
import org.atelier.engine.spec.FitOptions;
import org.atelier.engine.spec.ModelSpec;
import org.atelier.engine.spec.Selection;
import org.atelier.engine.spec.TermSpec;

/**
 * The claim-frequency model of the {@link SamplePortfolio}: ClaimNb, Poisson, log(Exposure) as offset and the
 * nine rating factors it was generated from (43 coefficients). "Try sample data" opens with it ready to fit, and
 * the fit benchmarks time it, so both always mean the same model.
 */
public final class SampleModel {
    private SampleModel() {
    }

    public static ModelSpec frequency() {
        List<TermSpec> terms = List.of(TermSpec.categorical("Area"), TermSpec.linear("VehPower"),
                TermSpec.linear("VehAge"), TermSpec.linear("DrivAge"), TermSpec.linear("BonusMalus"),
                TermSpec.categorical("VehBrand"), TermSpec.categorical("VehGas"), TermSpec.linear("Density"),
                TermSpec.categorical("Region"));
        return new ModelSpec("ClaimNb", terms, List.of(), "poisson", null, 1.5, null, "Exposure", null, true,
                new FitOptions(0, 0, 25, 1e-8, null, null, Selection.MIN, 20, null));
    }
}
