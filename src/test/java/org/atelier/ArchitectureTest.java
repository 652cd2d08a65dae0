package org.atelier;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.data.repository.Repository;

/**
 * The package boundaries: a pure numerical engine (no Spring, Vaadin, JDBC or Jackson), plain data readers, a UI
 * that only calls services, the command line reached only from the application class, and no cycles between
 * feature packages or between the engine's own packages.
 */
@AnalyzeClasses(packages = "org.atelier", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule engineDependsOnNothingElseOfTheApp = noClasses()
            .that().resideInAPackage("org.atelier.engine..")
            .should().dependOnClassesThat(
                    resideInAPackage("org.atelier..").and(resideOutsideOfPackage("org.atelier.engine..")));

    @ArchTest
    static final ArchRule engineIsPureNumerics = noClasses()
            .that().resideInAPackage("org.atelier.engine..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "com.vaadin..", "java.sql..", "javax.sql..",
                    "com.fasterxml.jackson..", "tools.jackson..");

    @ArchTest
    static final ArchRule dataReadersArePlainJava = noClasses()
            .that().resideInAPackage("org.atelier.data..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "com.vaadin..", "java.sql..", "javax.sql..");

    @ArchTest
    static final ArchRule onlyTheUiUsesVaadin = noClasses()
            .that().resideInAPackage("org.atelier..")
            .and().resideOutsideOfPackages("org.atelier.ui..")
            .and().doNotHaveFullyQualifiedName("org.atelier.AtelierApplication")
            .should().dependOnClassesThat().resideInAPackage("com.vaadin..");

    /** The UI edits specs (the engine's plain spec records) but fits, reads and stores through services. */
    @ArchTest
    static final ArchRule uiCallsServicesNotRepositoriesOrTheEngine = noClasses()
            .that().resideInAPackage("org.atelier.ui..")
            .should().dependOnClassesThat().areAssignableTo(Repository.class)
            .orShould().dependOnClassesThat(resideInAPackage("org.atelier.engine..")
                    .and(resideOutsideOfPackage("org.atelier.engine.spec..")));

    @ArchTest
    static final ArchRule noCyclesBetweenFeatures = slices().matching("org.atelier.(*)..").should().beFreeOfCycles();

    /** The engine's own packages (design, fit, summary, ...) form layers too: a cycle there is a knot to cut. */
    @ArchTest
    static final ArchRule noCyclesInsideTheEngine =
            slices().matching("org.atelier.engine.(*)..").should().beFreeOfCycles();

    /** The command line is an entry point: only the application class starts it. */
    @ArchTest
    static final ArchRule onlyTheApplicationDependsOnTheCommandLine = noClasses()
            .that().resideOutsideOfPackage("org.atelier.cli..")
            .and().doNotHaveFullyQualifiedName("org.atelier.AtelierApplication")
            .should().dependOnClassesThat().resideInAPackage("org.atelier.cli..");
}
