package com.personacomposer.gateway.access;

import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Who may do what.
 *
 * @param anonymousModels       the image models callers who are not signed in may create with
 *                              (PERSONA_ANONYMOUS_MODELS, default {@code local}); the others need a principal
 * @param admins                principals that may delete any image (PERSONA_ADMINS: token subjects or
 *                              {@code key:<name>})
 * @param eventStreamsPerClient how many event streams one client (principal, else address) may hold open at once
 */
@Validated
@ConfigurationProperties("persona.gateway.access")
public record AccessProperties(List<String> anonymousModels, List<String> admins, @Min(1) int eventStreamsPerClient) {

    public AccessProperties {
        anonymousModels = anonymousModels == null ? List.of() : anonymousModels.stream().map(String::strip)
                .filter(model -> !model.isEmpty()).map(model -> model.toLowerCase(Locale.ROOT)).toList();
        admins = admins == null ? List.of() : admins.stream().map(String::strip).filter(admin -> !admin.isEmpty()).toList();
    }
}
