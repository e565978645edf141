package com.personacomposer.gateway.page;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.ClassPathResource;

/**
 * templates/page.mustache (with its partial image-card.mustache), compiled once. Values are HTML-escaped (&amp;, &lt;,
 * &gt;, quotes, backtick and equals sign), a missing or empty value renders as nothing and counts as false in a section.
 */
final class PageTemplate {

    private final Template page;

    PageTemplate() {
        Mustache.Compiler compiler = Mustache.compiler()
                .escapeHTML(true)
                .emptyStringIsFalse(true)
                .defaultValue("")
                .withLoader(PageTemplate::reader);
        try (Reader template = reader("page")) {
            this.page = compiler.compile(template);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String render(PageModel model) {
        return page.execute(model);
    }

    private static Reader reader(String name) throws IOException {
        return new InputStreamReader(new ClassPathResource("templates/" + name + ".mustache").getInputStream(),
                StandardCharsets.UTF_8);
    }
}
