package org.atelier.engine.diagnostics;

import java.util.List;

/**
 * Deviance residuals sign(y − μ)·√(w·d(y, μ)) and Pearson residuals (y − μ)·√w/√V(μ): their means by lift bucket
 * (of the first bucket count) and a normal QQ plot of the deviance residuals of a seeded sample of at most 5,000
 * rows with positive weight. Residuals by factor level are in each {@link FactorLevel}.
 */
public record Residuals(List<ResidualBin> byBucket, List<QqPoint> qq) {
    /** The QQ plot's largest sample. */
    public static final int QQ_SAMPLE = 5_000;

    public Residuals {
        byBucket = List.copyOf(byBucket);
        qq = List.copyOf(qq);
    }
}
