/**
 * Turns a model specification into code for the workbench's code panel: the rustystats Python script
 * ({@link org.atelier.codegen.PythonScriptGenerator}) and an equivalent single-file Java program that fits the same
 * model with Atelier's own engine ({@link org.atelier.codegen.JavaProgramGenerator}).
 */
package org.atelier.codegen;
