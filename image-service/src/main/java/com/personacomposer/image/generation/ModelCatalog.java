package com.personacomposer.image.generation;

import com.personacomposer.events.ImageModel;
import com.personacomposer.image.provider.ImageProvider;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The image models, their providers and whether the current configuration lets them run. */
@Component
class ModelCatalog {

    private final Map<ImageModel, ImageProvider> providers = new EnumMap<>(ImageModel.class);

    ModelCatalog(List<ImageProvider> providers) {
        providers.forEach(provider -> this.providers.put(provider.model(), provider));
    }

    /** The model's provider when it is configured. */
    Optional<ImageProvider> provider(ImageModel model) {
        return Optional.ofNullable(providers.get(model)).filter(ImageProvider::configured);
    }

    /** Why the model cannot run, such as "set OPENAI_API_KEY"; empty when it can. */
    Optional<String> missing(ImageModel model) {
        ImageProvider provider = providers.get(model);
        if (provider == null) {
            return Optional.of("not supported by this build");
        }
        return provider.configured() ? Optional.empty() : Optional.of(provider.requirement());
    }

    List<ModelStatus> statuses() {
        List<ModelStatus> statuses = new ArrayList<>();
        for (ImageModel model : ImageModel.values()) {
            Optional<String> missing = missing(model);
            statuses.add(new ModelStatus(model.id(), model.displayName(), missing.isEmpty(), missing.orElse(null)));
        }
        return statuses;
    }
}
