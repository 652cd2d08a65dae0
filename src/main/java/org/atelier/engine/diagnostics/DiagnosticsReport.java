package org.atelier.engine.diagnostics;

/** A model's diagnostics on its training rows and, with a hold-out or a test file, on the test rows (else null). */
public record DiagnosticsReport(DiagnosticSet train, DiagnosticSet test) {
}
