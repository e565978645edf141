package com.personacomposer.kit.startup;

/**
 * Work a service does with its infrastructure once as it starts, before it serves requests or handles records:
 * creating its topics, declaring its indexes. Every bean of this type runs when the application context starts
 * ({@link OnStartRunner}), not while the beans are made, so a start that ends once the context is refreshed (the
 * training run that makes the service's AOT cache, with no broker or database around) neither waits for nor needs
 * them.
 */
@FunctionalInterface
public interface OnStart {

    void onStart();
}
