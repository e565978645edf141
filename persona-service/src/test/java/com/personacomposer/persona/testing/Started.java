package com.personacomposer.persona.testing;

import com.personacomposer.kit.startup.OnStart;

/** A store as the running service has it: with the indexes it declares when the service starts. */
public final class Started {

    private Started() {
    }

    public static <T extends OnStart> T started(T store) {
        store.onStart();
        return store;
    }
}
