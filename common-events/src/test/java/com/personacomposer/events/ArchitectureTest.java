package com.personacomposer.events;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The event contract stays a plain library: records and JSON, read by any consumer, with no framework in it. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.personacomposer.events");

    @Test
    void usesNoSpring() {
        noClasses().should().dependOnClassesThat().resideInAPackage("org.springframework..")
                .check(CLASSES);
    }

    @Test
    void knowsNoServiceAndNoKit() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "com.personacomposer.kit..", "com.personacomposer.gateway..", "com.personacomposer.persona..",
                        "com.personacomposer.image..", "com.personacomposer.motto..", "com.personacomposer.storage..",
                        "com.personacomposer.webhook..")
                .check(CLASSES);
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching("com.personacomposer.events.(**)").should().beFreeOfCycles().check(CLASSES);
    }
}
