package io.devops.platform;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.bind.annotation.RestController;

/** The style rules that Modulith's verification does not cover. */
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

    @Test
    void theSharedKernelDependsOnNoFeature() {
        noClasses().that().resideInAPackage("..platform.shared..")
                .should().dependOnClassesThat().resideInAnyPackage("..platform.inventory..", "..platform.identity..")
                .check(classes);
    }
}
