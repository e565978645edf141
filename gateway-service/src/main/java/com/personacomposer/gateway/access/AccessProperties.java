package com.personacomposer.gateway.access;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Who may do what.
 *
 * @param anonymousModels       the image models callers who are not signed in may create with
 *                              (PERSONA_ANONYMOUS_MODELS, default {@code local}); the others need a principal
 * @param admins                principals that may delete any image (PERSONA_ADMINS: principal ids,
 *                              {@code user:<sub>} or {@code key:<name>}; a bare subject is refused, as it could
 *                              name either)
 * @param eventStreamsPerClient how many event streams one client (principal, else address) may hold open at once
 */
@Validated
@ConfigurationProperties("persona.gateway.access")
record AccessProperties(
        List<String> anonymousModels,
        List<@Pattern(regexp = "(user|key):.+", message = "must be a principal id: user:<sub> or key:<name>") String> admins,
        @Min(1) int eventStreamsPerClient) {

    public AccessProperties {
        anonymousModels = anonymousModels == null ? List.of() : anonymousModels.stream().map(String::strip)
                .filter(model -> !model.isEmpty()).map(model -> model.toLowerCase(Locale.ROOT)).toList();
        admins = admins == null ? List.of() : admins.stream().map(String::strip).filter(admin -> !admin.isEmpty()).toList();
    }
}
