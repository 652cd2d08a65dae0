package org.atelier.codegen;

/** The two renderings of one spec: the rustystats script and the equivalent program on Atelier's engine. */
public record GeneratedCode(String java, String python) {
}
