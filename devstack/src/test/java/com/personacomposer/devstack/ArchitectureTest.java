package com.personacomposer.devstack;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * devstack is infrastructure the services run on: it uses no code of another module (no service, no library of
 * theirs, not the benchmark).
 * Its servers (packages kafka, mongo, s3, oidc) know neither each other nor what starts them (DevStackMain,
 * EmbeddedInfrastructure, the test support with its ContainerInfrastructure); they may use the names every part shares
 * ({@link Infrastructure}, {@link FreePorts}).
 */
class ArchitectureTest {

    private static final String BASE = "com.personacomposer.devstack";
    private static final List<String> SERVERS = List.of("kafka", "mongo", "s3", "oidc");
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(BASE);

    @Test
    void usesNoCodeOfAnotherModule() {
        noClasses().should().dependOnClassesThat(resideInAPackage("com.personacomposer..")
                        .and(not(resideInAPackage(BASE + ".."))))
                .check(CLASSES);
    }

    @Test
    void eachServerKnowsNeitherTheOthersNorWhatStartsThem() {
        for (String server : SERVERS) {
            String[] others = SERVERS.stream().filter(other -> !other.equals(server))
                    .map(other -> BASE + "." + other + "..").toArray(String[]::new);
            noClasses().that().resideInAPackage(BASE + "." + server + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(others)
                    .orShould().dependOnClassesThat().resideInAPackage(BASE + ".test..")
                    .orShould().dependOnClassesThat().belongToAnyOf(
                            DevStackMain.class, EmbeddedInfrastructure.class)
                    .check(CLASSES);
        }
    }
}
