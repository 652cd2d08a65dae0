package org.atelier.ui.results;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.atelier.model.ModelDiagnostics;

/**
 * The warnings the Diagnostics tab raises when the hold-out disagrees with the training rows: a Gini that drops by
 * more than {@link #GINI_DROP} (the model ranks risks worse on rows it has not seen: overfitted), or an A/E outside
 * [{@link #AE_LOW}, {@link #AE_HIGH}] (its overall level does not hold).
 */
final class DiagnosticFlags {
    static final double GINI_DROP = 0.03;
    static final double AE_LOW = 0.95;
    static final double AE_HIGH = 1.05;

    private DiagnosticFlags() {
    }

    static boolean giniDrops(ModelDiagnostics.Part train, ModelDiagnostics.Part test) {
        return train.gini() - test.gini() > GINI_DROP;
    }

    static boolean aeOutside(ModelDiagnostics.Part test) {
        double ae = test.totals().ae();
        return !(ae >= AE_LOW && ae <= AE_HIGH);
    }

    /** The flags' sentences, empty without a hold-out or when it agrees. */
    static List<String> of(ModelDiagnostics diagnostics) {
        List<String> out = new ArrayList<>();
        ModelDiagnostics.Part train = diagnostics.train();
        ModelDiagnostics.Part test = diagnostics.test();
        if (train == null || test == null) {
            return out;
        }
        if (giniDrops(train, test)) {
            out.add(String.format(Locale.ROOT, "Hold-out Gini %.4f is %.4f below the training Gini %.4f (more than"
                    + " %.2f): the model ranks unseen risks worse, it may be overfitted.", test.gini(),
                    train.gini() - test.gini(), train.gini(), GINI_DROP));
        }
        if (aeOutside(test)) {
            out.add(String.format(Locale.ROOT, "Hold-out A/E %.3f is outside [%.2f, %.2f]: the model's overall level"
                    + " does not hold on the hold-out.", test.totals().ae(), AE_LOW, AE_HIGH));
        }
        return out;
    }
}
