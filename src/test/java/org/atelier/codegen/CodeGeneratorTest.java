package org.atelier.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.atelier.engine.spec.ModelSpec;
import org.atelier.engine.spec.TermSpec;
import org.junit.jupiter.api.Test;

class CodeGeneratorTest {
    @Test
    void bothRenderingsOfOneSpec() {
        ModelSpec spec = ModelSpec.of("ClaimNb", "poisson", List.of(TermSpec.categorical("Area"))).withOffset("Exposure");
        CodeGenerator codegen = new CodeGenerator();

        GeneratedCode code = codegen.generate(spec, "portfolio.csv");

        assertThat(code.python()).isEqualTo(new PythonScriptGenerator().generate(spec)).isEqualTo(codegen.python(spec));
        assertThat(code.java()).isEqualTo(new JavaProgramGenerator().generate(spec, "portfolio.csv"))
                .isEqualTo(codegen.java(spec, "portfolio.csv"))
                .contains("public class AtelierModel").contains("\"portfolio.csv\"");
        assertThat(codegen.generate(spec, "portfolio.csv")).isEqualTo(code);
    }
}
