package com.personacomposer.image.generation;

import static org.assertj.core.api.Assertions.assertThat;

import com.personacomposer.events.ImageModel;
import com.personacomposer.image.provider.ImageProvider;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelCatalogTest {

    @Test
    void aModelIsAvailableExactlyWhenItsProviderIsConfigured() {
        ModelCatalog catalog = new ModelCatalog(List.of(
                provider(ImageModel.LOCAL, true, "nothing"),
                provider(ImageModel.DALL_E, false, "set OPENAI_API_KEY"),
                provider(ImageModel.OPENJOURNEY, true, "set REPLICATE_API_TOKEN")));

        assertThat(catalog.statuses()).containsExactly(
                new ModelStatus("local", "Local renderer", true, null),
                new ModelStatus("dall-e", "DALL-E", false, "set OPENAI_API_KEY"),
                new ModelStatus("openjourney", "OpenJourney", true, null));
        assertThat(catalog.provider(ImageModel.DALL_E)).isEmpty();
        assertThat(catalog.provider(ImageModel.OPENJOURNEY)).isPresent();
    }

    @Test
    void aModelWithoutAProviderIsUnavailable() {
        ModelCatalog catalog = new ModelCatalog(List.of(provider(ImageModel.LOCAL, true, "nothing")));

        assertThat(catalog.missing(ImageModel.DALL_E)).contains("not supported by this build");
        assertThat(catalog.provider(ImageModel.DALL_E)).isEmpty();
        assertThat(catalog.missing(ImageModel.LOCAL)).isEmpty();
    }

    private static ImageProvider provider(ImageModel model, boolean configured, String requirement) {
        return new FakeProvider(model, configured, requirement, prompt -> {
            throw new UnsupportedOperationException();
        });
    }
}
