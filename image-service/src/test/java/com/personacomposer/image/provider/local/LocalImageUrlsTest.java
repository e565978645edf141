package com.personacomposer.image.provider.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.personacomposer.events.ImageModel;
import com.personacomposer.events.MottoTone;
import com.personacomposer.image.ImageProperties;
import com.personacomposer.image.provider.ImagePrompt;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class LocalImageUrlsTest {

    private final LocalImageUrls urls = new LocalImageUrls(new ImageProperties(URI.create("http://images.test:8082/"),
            ImageModel.LOCAL, "${name}", new ImageProperties.Generated(Duration.ofMinutes(1), 10, DataSize.ofMegabytes(1))));

    @Test
    void aUrlCarriesItsPromptSoAnyInstanceCanRenderIt() {
        ImagePrompt prompt = new ImagePrompt("Zoë 李小龙", "red hair, loves the ocean at night", MottoTone.SOMBRE);

        URI url = urls.urlOf(prompt);

        assertThat(url.toString()).startsWith("http://images.test:8082/generated/local/").doesNotContain("=", "+", "/local/%");
        String spec = url.getPath().substring("/generated/local/".length());
        assertThat(LocalImageUrls.promptOf(spec)).contains(prompt);
    }

    @Test
    void whatIsNotOneOfOurSpecsIsNotRendered() {
        assertThat(LocalImageUrls.promptOf("not*base64")).isEmpty();
        assertThat(LocalImageUrls.promptOf("aGVsbG8")).as("'hello': no tone").isEmpty();
        assertThat(LocalImageUrls.promptOf("A".repeat(LocalImageUrls.MAX_SPEC + 1))).isEmpty();
    }
}
