package com.personacomposer.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What README.md and docs/ point a reader to is there: every relative link resolves to a file of the repository,
 * every repository path they name in code spans exists, and every class (or {@code Class.member}) they name in
 * CamelCase is a source file of the repository that declares that member. Names that belong to other projects (the JDK, Spring,
 * AWS, JFR) are listed below with where they come from.
 */
class DocumentationReferencesTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    /** Type-like names in the docs that are not this repository's, each with the project it belongs to. */
    private static final Map<String, String> OUTSIDE_NAMES = Map.ofEntries(
            Map.entry("BucketOwnerEnforced", "S3 object ownership setting"),
            Map.entry("CompletableFuture", "JDK"),
            Map.entry("DefaultErrorHandler", "Spring Kafka"),
            Map.entry("DeleteObject", "S3 action"),
            Map.entry("DeserializationException", "Spring Kafka"),
            Map.entry("ErrorHandlingDeserializer", "Spring Kafka"),
            Map.entry("ExecutionSample", "JFR event"),
            Map.entry("ThreadCPULoad", "JFR event"),
            Map.entry("GetObject", "S3 action"),
            Map.entry("PutObject", "S3 action"),
            Map.entry("StringEquals", "IAM condition operator"),
            Map.entry("StringLike", "IAM condition operator"));

    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Pattern CODE_SPAN = Pattern.compile("`([^`\\n]+)`");
    private static final Pattern TYPE_NAME = Pattern.compile("[A-Z][a-z0-9]+[A-Z][A-Za-z0-9]*(?:\\.[a-z][A-Za-z0-9]*)?");
    private static final Pattern MARKDOWN_FILE = Pattern.compile("\\b[A-Za-z0-9_-]+\\.md\\b");
    private static final Pattern TEXT_FILE =
            Pattern.compile(".*\\.(java|md|ya?ml|cjs|js|tf|sh|json|properties|xml)|Dockerfile|run-local|validate|test-validate|.*-scenarios");
    private static final Pattern PATH = Pattern.compile("\\.?[A-Za-z0-9_.-]+(?:/[A-Za-z0-9_.{}*-]*)+");

    @Test
    void everyRelativeLinkResolves() {
        List<String> broken = new ArrayList<>();
        for (Path doc : documents()) {
            Matcher link = LINK.matcher(read(doc));
            while (link.find()) {
                String target = link.group(1).replaceFirst("#.*", "");
                if (target.isEmpty() || target.matches("^[a-z]+:.*")) {
                    continue;
                }
                if (!Files.exists(doc.getParent().resolve(target).normalize())) {
                    broken.add(name(doc) + " -> " + target);
                }
            }
        }
        assertThat(broken).as("relative links to files that are not in the repository").isEmpty();
    }

    /**
     * A code span is a repository path when its first segment is a top-level entry of the repository
     * ({@code gateway-service/...}, {@code docs/...}, {@code terraform/...}); build output and run-time data
     * ({@code target/}, {@code .devstack/}) are made by running things, and placeholders ({@code {slug}}) and globs
     * stand for many files.
     */
    @Test
    void everyRepositoryPathNamedExists() {
        Set<String> topLevel = topLevelEntries();
        List<String> missing = new ArrayList<>();
        for (Path doc : documents()) {
            Matcher span = CODE_SPAN.matcher(read(doc));
            while (span.find()) {
                for (String word : span.group(1).split("\\s+")) {
                    Matcher path = PATH.matcher(word);
                    if (!path.matches() || !topLevel.contains(word.substring(0, word.indexOf('/')))
                            || word.contains("/target/") || word.contains("{") || word.contains("*")) {
                        continue;
                    }
                    if (!Files.exists(ROOT.resolve(word))) {
                        missing.add(name(doc) + ": " + word);
                    }
                }
            }
        }
        assertThat(missing).as("paths named in the docs that are not in the repository").isEmpty();
    }

    @Test
    void everyClassNamedIsInTheRepository() {
        Map<String, List<Path>> sources = javaSources();
        List<String> unknown = new ArrayList<>();
        for (Path doc : documents()) {
            Matcher span = CODE_SPAN.matcher(read(doc));
            while (span.find()) {
                String text = span.group(1);
                if (!TYPE_NAME.matcher(text).matches() || OUTSIDE_NAMES.containsKey(text.replaceFirst("\\..*", ""))) {
                    continue;
                }
                String type = text.replaceFirst("\\..*", "");
                String member = text.contains(".") ? text.substring(text.indexOf('.') + 1) : null;
                List<Path> files = sources.getOrDefault(type, List.of());
                boolean found = member == null ? !files.isEmpty()
                        : files.stream().anyMatch(file -> read(file).contains(" " + member + "("));
                if (!found) {
                    unknown.add(name(doc) + ": " + text);
                }
            }
        }
        assertThat(unknown).as("classes or members named in the docs that no source file declares").isEmpty();
    }

    /** A Markdown file named anywhere in the repository (code comments included) is one of the repository's. */
    @Test
    void everyMarkdownFileNamedIsInTheRepository() {
        List<Path> files = repositoryFiles();
        Set<String> markdown = files.stream().map(path -> path.getFileName().toString())
                .filter(name -> name.endsWith(".md")).collect(Collectors.toSet());
        List<String> missing = new ArrayList<>();
        for (Path file : files) {
            if (!TEXT_FILE.matcher(file.getFileName().toString()).matches()) {
                continue;
            }
            String text = read(file);
            Matcher named = MARKDOWN_FILE.matcher(text);
            while (named.find()) {
                String word = wordEndingAt(text, named.end());
                if (!word.contains("://") && !markdown.contains(named.group())) {
                    missing.add(name(file) + ": " + word);
                }
            }
        }
        assertThat(missing).as("Markdown files named that are not in the repository").isEmpty();
    }

    /** The run of non-blank characters that ends at {@code end}: a URL's file names belong to the web. */
    private static String wordEndingAt(String text, int end) {
        int start = end;
        while (start > 0 && !Character.isWhitespace(text.charAt(start - 1)) && end - start < 500) {
            start--;
        }
        return text.substring(start, end);
    }

    private static List<Path> documents() {
        try (Stream<Path> docs = Files.walk(ROOT.resolve("docs"))) {
            return Stream.concat(Stream.of(ROOT.resolve("README.md")),
                    docs.filter(path -> path.toString().endsWith(".md")).sorted()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The files git would commit: tracked, or new and not ignored. */
    private static List<Path> repositoryFiles() {
        try {
            Process git = new ProcessBuilder("git", "ls-files", "--cached", "--others", "--exclude-standard")
                    .directory(ROOT.toFile()).redirectErrorStream(true).start();
            List<Path> files = new String(git.getInputStream().readAllBytes()).lines()
                    .map(ROOT::resolve).filter(Files::isRegularFile).toList();
            assertThat(git.waitFor()).as("git ls-files").isZero();
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Set<String> topLevelEntries() {
        try (Stream<Path> entries = Files.list(ROOT)) {
            return entries.map(path -> path.getFileName().toString())
                    .filter(entry -> !entry.equals("target") && !entry.equals(".devstack"))
                    .collect(Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every .java file of the repository (main and test sources), by simple name. */
    private static Map<String, List<Path>> javaSources() {
        try (Stream<Path> files = Files.walk(ROOT)) {
            return files.filter(path -> path.toString().endsWith(".java") && !path.toString().contains("/target/")
                            && !path.toString().contains("/node_modules/"))
                    .collect(Collectors.groupingBy(path -> path.getFileName().toString().replace(".java", "")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String name(Path doc) {
        return ROOT.relativize(doc).toString();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
