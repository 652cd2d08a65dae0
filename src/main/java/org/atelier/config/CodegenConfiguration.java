package org.atelier.config;

import org.atelier.codegen.CodeGenerator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The code generator is plain Java (no Spring inside codegen); the app shares one stateless instance. */
@Configuration(proxyBeanMethods = false)
class CodegenConfiguration {
    @Bean
    CodeGenerator codeGenerator() {
        return new CodeGenerator();
    }
}
