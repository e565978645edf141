package com.personacomposer.image.generation;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.personacomposer.image.ImageProperties;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** GET /api/models (the gateway routes it here): which image models the current configuration can run. */
@RestController
@RequiredArgsConstructor
class ModelsController {

    private final ModelCatalog catalog;
    private final ImageProperties properties;

    @GetMapping("/api/models")
    Models models() {
        return new Models(properties.defaultModel().id(), catalog.statuses());
    }

    record Models(@JsonProperty("default") String defaultModel, List<ModelStatus> models) {
    }
}
