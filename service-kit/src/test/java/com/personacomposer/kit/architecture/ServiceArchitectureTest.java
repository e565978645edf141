package com.personacomposer.kit.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The boundaries every service keeps; each service's {@code ArchitectureTest} extends this with its name. Feature
 * packages without cycles, no code of another service (what services share lives in common-events and service-kit),
 * and a class is public only when code of another package uses it (production code, or a test that lives in
 * another package).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS) // the classes are imported once for all rules
public abstract class ServiceArchitectureTest {

    private static final List<String> SERVICES = List.of("gateway", "persona", "image", "motto", "storage", "webhook");

    private final String service;
    private final JavaClasses classes;
    private final JavaClasses classesWithTests;

    /** {@code service}: one of gateway, persona, image, motto, storage, webhook. */
    protected ServiceArchitectureTest(String service) {
        if (!SERVICES.contains(service)) {
            throw new IllegalArgumentException("unknown service " + service);
        }
        this.service = service;
        this.classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage(service));
        this.classesWithTests = new ClassFileImporter().importPackages(basePackage(service));
    }

    @Test
    public void featurePackagesHaveNoCycles() {
        slices().matching(basePackage(service) + ".(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    public void usesNoOtherServicesCode() {
        String[] others = SERVICES.stream()
                .filter(other -> !other.equals(service))
                .map(other -> basePackage(other) + "..")
                .toArray(String[]::new);
        noClasses().should().dependOnClassesThat().resideInAnyPackage(others).check(classes);
    }

    @Test
    public void isPublicOnlyWhereAnotherPackageUsesIt() {
        classes().that().arePublic().and().areTopLevelClasses()
                .and(DescribedPredicate.describe("production classes", this::isProduction))
                .and(DescribedPredicate.not(DescribedPredicate.describe("the application class",
                        (JavaClass javaClass) -> javaClass.isAnnotatedWith(SpringBootApplication.class))))
                .should(beUsedFromAnotherPackage())
                .check(classesWithTests);
    }

    private boolean isProduction(JavaClass javaClass) {
        return classes.contain(javaClass.getName());
    }

    private ArchCondition<JavaClass> beUsedFromAnotherPackage() {
        return new ArchCondition<>("be used by code of another package (else package-private)") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                // A use of a nested type (RequestEnd.Completed) is a use of the class that declares it.
                boolean usedElsewhere = classesWithTests.stream()
                        .filter(candidate -> candidate.equals(javaClass)
                                || candidate.getName().startsWith(javaClass.getName() + "$"))
                        .flatMap(declared -> declared.getDirectDependenciesToSelf().stream())
                        .anyMatch(use -> !use.getOriginClass().getPackageName().equals(javaClass.getPackageName()));
                if (!usedElsewhere) {
                    events.add(SimpleConditionEvent.violated(javaClass,
                            javaClass.getName() + " is public but only its own package uses it"));
                }
            }
        };
    }

    private static String basePackage(String service) {
        return "com.personacomposer." + service;
    }
}
