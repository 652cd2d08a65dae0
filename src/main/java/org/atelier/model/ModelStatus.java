package org.atelier.model;

import java.util.Locale;

/** Where a model's fit stands. Stored lower-case; only pending and fitting can still change. */
public enum ModelStatus {
    PENDING, FITTING, COMPLETED, FAILED, CANCELLED;

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ModelStatus of(String dbValue) {
        return valueOf(dbValue.toUpperCase(Locale.ROOT));
    }

    public boolean isRunning() {
        return this == PENDING || this == FITTING;
    }
}
