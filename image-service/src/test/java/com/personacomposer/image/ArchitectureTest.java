package com.personacomposer.image;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The boundaries of image-service: feature packages that do not depend on each other in a circle, and no code of
 * another service (what services share is in common-events and service-kit).
 */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.personacomposer.image");

    @Test
    void featurePackagesHaveNoCycles() {
        slices().matching("com.personacomposer.image.(**)").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void usesNoOtherServicesCode() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "com.personacomposer.gateway..", "com.personacomposer.persona..",
                        "com.personacomposer.motto..", "com.personacomposer.storage..")
                .check(CLASSES);
    }
}
