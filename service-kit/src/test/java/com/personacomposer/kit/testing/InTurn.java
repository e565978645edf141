package com.personacomposer.kit.testing;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.ScenarioMappingBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.util.UUID;
import java.util.function.Supplier;

/** A WireMock stub that answers a call differently each time it is made, as a service that fails, then recovers. */
public final class InTurn {

    private InTurn() {
    }

    /**
     * Stubs {@code call} on {@code server} to answer with {@code answers} in turn, then with the last one from then on.
     * {@code call} makes a new builder each time (WireMock's builders change as they are built).
     */
    public static void stub(WireMockServer server, Supplier<MappingBuilder> call, ResponseDefinitionBuilder... answers) {
        String scenario = "in turn " + UUID.randomUUID();
        for (int i = 0; i < answers.length; i++) {
            ScenarioMappingBuilder answer = call.get().inScenario(scenario)
                    .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "answer " + i)
                    .willReturn(answers[i]);
            server.stubFor(i < answers.length - 1 ? answer.willSetStateTo("answer " + (i + 1)) : answer);
        }
    }
}
