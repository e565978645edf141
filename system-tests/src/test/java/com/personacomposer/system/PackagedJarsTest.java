package com.personacomposer.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** A packaged service jar carries the libraries the service runs with, and none that is only needed to compile it. */
class PackagedJarsTest {

    @ParameterizedTest
    @FieldSource("com.personacomposer.system.ServiceProcesses#SERVICES")
    void carriesNoLibraryOnlyTheCompilerNeeds(String service) throws IOException {
        try (JarFile jar = new JarFile(ServiceProcesses.jar(service).toFile())) {
            List<String> libraries = jar.stream().map(JarEntry::getName)
                    .filter(name -> name.startsWith("BOOT-INF/lib/")).toList();

            assertThat(libraries).anyMatch(name -> name.contains("/spring-boot-4"))
                    .noneMatch(name -> name.contains("/lombok-"));
        }
    }
}
