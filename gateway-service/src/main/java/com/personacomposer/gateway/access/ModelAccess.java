package com.personacomposer.gateway.access;

import com.personacomposer.events.ImageModel;
import com.personacomposer.gateway.web.ProblemException;
import java.util.List;
import java.util.Optional;
import org.springframework.web.server.ServerWebExchange;

/**
 * Anonymous callers may create personas only with the models in PERSONA_ANONYMOUS_MODELS: any other (each may cost
 * the operator money) needs a principal, 401 otherwise. Asked by the create handler once it has read the body.
 * With neither sign-in nor API keys configured, every model is open.
 */
public final class ModelAccess {

    private final boolean open;
    private final List<String> anonymousModels;

    /**
     * @param open            whether neither sign-in nor API keys are configured
     * @param anonymousModels the model ids anonymous callers may use
     */
    public ModelAccess(boolean open, List<String> anonymousModels) {
        this.open = open;
        this.anonymousModels = List.copyOf(anonymousModels);
    }

    /** The 401 for this exchange's caller asking for {@code model}; empty when the caller may use it. */
    public Optional<ProblemException> refusal(ServerWebExchange exchange, ImageModel model) {
        if (open || anonymousModels.contains(model.id()) || Caller.of(exchange).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(UnauthorizedEntryPoint.unauthorized("The model " + model.id()
                + " needs a signed-in caller; without signing in, use "
                + (anonymousModels.isEmpty() ? "none" : String.join(" or ", anonymousModels)) + ".", false));
    }
}
