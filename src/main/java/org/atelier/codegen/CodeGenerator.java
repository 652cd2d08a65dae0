package org.atelier.codegen;

import org.atelier.engine.spec.ModelSpec;

/** The code panel's entry point: both renderings of a spec. Stateless and thread-safe. */
public final class CodeGenerator {
    private final PythonScriptGenerator python = new PythonScriptGenerator();
    private final JavaProgramGenerator java = new JavaProgramGenerator();

    /** The rustystats script; it reads {@code your_data.csv}, which the actuary adjusts. */
    public String python(ModelSpec spec) {
        return python.generate(spec);
    }

    /** The Java program reading {@code dataFile} (or its first argument). */
    public String java(ModelSpec spec, String dataFile) {
        return java.generate(spec, dataFile);
    }

    public GeneratedCode generate(ModelSpec spec, String dataFile) {
        return new GeneratedCode(java(spec, dataFile), python(spec));
    }
}
