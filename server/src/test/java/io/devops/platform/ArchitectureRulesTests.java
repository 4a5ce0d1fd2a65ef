package io.devops.platform;

import io.devops.platform.support.DatabaseIndependent;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.bind.annotation.RestController;

/** The style rules that Modulith's verification does not cover. */
@DatabaseIndependent
class ArchitectureRulesTests {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.devops.platform");

    @Test
    void dependenciesAreInjectedThroughConstructors() {
        noFields().should().beAnnotatedWith(Autowired.class).check(classes);
    }

    @Test
    void controllersAreInternalToTheirModule() {
        classes().that().areAnnotatedWith(RestController.class).should().notBePublic().check(classes);
    }

    @Test
    void nothingPrintsToTheConsoleInsteadOfLogging() {
        noClasses().should().accessField(System.class, "out").orShould().accessField(System.class, "err").check(classes);
    }

    /**
     * The execution module's parts depend downwards only: the run's life (controller, starter,
     * engine, recovery) on top, then the reports, the dispatchers, the logs, and the run's state,
     * leases and settings at the bottom (see docs/ARCHITECTURE.md, "Where it lives").
     */
    @Test
    void theExecutionsPartsDependOnlyDownwards() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("life").definedBy("io.devops.platform.execution")
                .layer("reports").definedBy("io.devops.platform.execution.reports..")
                .layer("verdicts").definedBy("io.devops.platform.execution.verdicts..")
                .layer("dispatch").definedBy("io.devops.platform.execution.dispatch..")
                .layer("logs").definedBy("io.devops.platform.execution.logs..")
                .layer("state").definedBy("io.devops.platform.execution.run..", "io.devops.platform.execution.leases..",
                        "io.devops.platform.execution.settings..")
                .whereLayer("life").mayNotBeAccessedByAnyLayer()
                .whereLayer("reports").mayOnlyBeAccessedByLayers("life")
                .whereLayer("verdicts").mayOnlyBeAccessedByLayers("life", "reports")
                .whereLayer("dispatch").mayOnlyBeAccessedByLayers("life", "reports")
                .whereLayer("logs").mayOnlyBeAccessedByLayers("life", "reports", "verdicts", "dispatch")
                .check(classes);
    }

    @Test
    void theSharedKernelDependsOnNoFeature() {
        noClasses().that().resideInAPackage("..platform.shared..")
                .should().dependOnClassesThat().resideInAnyPackage("..platform.inventory..", "..platform.identity..")
                .check(classes);
    }
}
