package com.personacomposer.motto.compose;

/** Writes a persona's motto: one line of text in the requested tone. */
public interface MottoComposer {

    /** The name recorded in MottoGenerated.provider. */
    String provider();

    /** The composer's name in metrics: local, or the resilience4j instance of a chat provider. */
    default String metricName() {
        return provider();
    }

    /**
     * @return the motto, never blank
     * @throws MottoRefusedException when the composer gives up for a reason a person should read; any other
     *                               exception is a failure that may go away by trying again
     */
    String compose(MottoRequest request);
}
