package com.personacomposer.kit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** service-kit is what every service shares: it knows no service, and its packages do not lean on each other in a circle. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.personacomposer.kit");

    @Test
    void dependsOnNoService() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "com.personacomposer.gateway..", "com.personacomposer.persona..", "com.personacomposer.image..",
                        "com.personacomposer.motto..", "com.personacomposer.storage..", "com.personacomposer.webhook..",
                        "com.personacomposer.devstack..")
                .check(CLASSES);
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching("com.personacomposer.kit.(**)").should().beFreeOfCycles().check(CLASSES);
    }
}
