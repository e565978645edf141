package com.personacomposer.gateway.request;

import com.personacomposer.kit.address.AddressGuard;
import com.personacomposer.kit.address.AddressRefusedException;
import com.personacomposer.kit.problem.FieldProblem;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Whether a create's webhook URL may be delivered to, by the address policy webhook-service applies to every delivery
 * ({@link AddressGuard#forWebhooks}): https on the public internet (with PERSONA_WEBHOOK_ALLOW_LOCAL also http and
 * loopback). Resolving the host blocks, so it runs off the event loop. A refusal names what the client gave (its
 * scheme, its literal address) but never the address a name resolved to: that would show this network's DNS answers.
 */
final class WebhookTargetCheck {

    private final boolean allowLocal;
    private final AddressGuard.HostResolver resolver;

    WebhookTargetCheck(boolean allowLocal, AddressGuard.HostResolver resolver) {
        this.allowLocal = allowLocal;
        this.resolver = resolver;
    }

    /** The {@code webhook} field's error, or empty when the URL may be delivered to. */
    Mono<Optional<FieldProblem>> refusal(URI url) {
        return Mono.fromCallable(() -> check(url)).subscribeOn(Schedulers.boundedElastic());
    }

    private Optional<FieldProblem> check(URI url) {
        AtomicBoolean resolved = new AtomicBoolean();
        AddressGuard guard = AddressGuard.forWebhooks(allowLocal, host -> {
            resolved.set(true);
            return resolver.resolve(host);
        });
        String allowed = allowLocal ? "an http(s) URL on the public internet or this machine"
                : "an https URL on the public internet";
        try {
            guard.check(url);
            return Optional.empty();
        } catch (AddressRefusedException refused) {
            String why = resolved.get()
                    ? url.getHost() + " resolves to an address that is not " + (allowLocal ? "public or loopback" : "public")
                    : refused.getMessage();
            return Optional.of(new FieldProblem(PersonaRequestValidator.WEBHOOK, "must be " + allowed + ": " + why));
        } catch (UnknownHostException unknown) {
            return Optional.of(new FieldProblem(PersonaRequestValidator.WEBHOOK,
                    "must be " + allowed + ": " + url.getHost() + " does not resolve"));
        }
    }
}
