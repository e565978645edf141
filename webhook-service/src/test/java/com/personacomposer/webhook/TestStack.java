package com.personacomposer.webhook;

import java.util.Map;
import java.util.UUID;

/**
 * What a test class of deliveries runs against: a stub of persona-service, a real receiver, webhook-service on a
 * database of its own, and a reader of the delivery states it announces.
 */
record TestStack(PersonaServiceStub personaService, Receiver receiver, RunningService service, Updates updates)
        implements AutoCloseable {

    static TestStack start(String name) {
        PersonaServiceStub personaService = new PersonaServiceStub();
        Receiver receiver = Receiver.start();
        RunningService service = RunningService.start("webhooks-" + name + "-" + UUID.randomUUID(),
                personaService.url(), Map.of());
        // After the service declared the topic (a consumer subscribing first would have it made with defaults).
        return new TestStack(personaService, receiver, service, Updates.listen());
    }

    @Override
    public void close() {
        service.close();
        updates.close();
        receiver.close();
        personaService.close();
    }
}
