package com.personacomposer.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Resident memory of the local stack: every process running devstack.jar or one of the six service jars. */
final class StackMemory {

    private StackMemory() {
    }

    /** Total RSS in bytes, or -1 where /proc is not available. */
    static long totalRssBytes() {
        Path proc = Path.of("/proc");
        if (!Files.isDirectory(proc)) {
            return -1;
        }
        long self = ProcessHandle.current().pid();
        try (Stream<Path> entries = Files.list(proc)) {
            return entries.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(p -> Long.parseLong(p.getFileName().toString()) != self)
                    .filter(StackMemory::isStackProcess)
                    .mapToLong(StackMemory::rssBytes)
                    .sum();
        } catch (IOException e) {
            return -1;
        }
    }

    private static boolean isStackProcess(Path process) {
        try {
            String cmdline = Files.readString(process.resolve("cmdline")).replace('\0', ' ');
            return cmdline.contains("devstack.jar infra") || cmdline.matches(".*(gateway|persona|image|motto|storage|webhook)-service\\.jar.*");
        } catch (IOException | RuntimeException gone) {
            return false;
        }
    }

    private static long rssBytes(Path process) {
        try {
            for (String line : Files.readAllLines(process.resolve("status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException gone) {
            // the process ended while we looked
        }
        return 0;
    }
}
