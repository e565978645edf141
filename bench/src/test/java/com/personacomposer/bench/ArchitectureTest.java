package com.personacomposer.bench;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The benchmark is a client of a running stack: it uses no code of another module, and no service or library module
 * depends on it (only system-tests, which runs bench.jar as a process, waits for it in the reactor).
 */
class ArchitectureTest {

    private static final Path ROOT = Path.of("..");

    @Test
    void usesNoCodeOfAnotherModule() {
        noClasses().should().dependOnClassesThat(resideInAPackage("com.personacomposer..")
                        .and(not(resideInAPackage("com.personacomposer.bench.."))))
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("com.personacomposer.bench"));
    }

    @Test
    void noServiceOrLibraryModuleDependsOnBench() throws Exception {
        List<String> modules = texts(ROOT.resolve("pom.xml"), "module");
        assertThat(modules).contains("bench", "devstack", "persona-service", "service-kit", "common-events");

        for (String module : modules) {
            if (!module.equals("system-tests")) {
                assertThat(texts(ROOT.resolve(module).resolve("pom.xml"), "artifactId"))
                        .as("the dependencies of " + module).doesNotContain("bench");
            }
        }
    }

    /** The text of every {@code <tag>} element of the POM but the project's own and its parent's. */
    private static List<String> texts(Path pom, String tag) throws Exception {
        Element project = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile())
                .getDocumentElement();
        NodeList elements = project.getElementsByTagName(tag);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < elements.getLength(); i++) {
            Node holder = elements.item(i).getParentNode();
            if (holder != project && !holder.getNodeName().equals("parent")) {
                texts.add(elements.item(i).getTextContent().trim());
            }
        }
        return texts;
    }
}
