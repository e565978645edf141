package com.personacomposer.gateway.status;

import tools.jackson.databind.JsonNode;

/** How a watched request ended. */
public sealed interface RequestEnd permits RequestEnd.Completed, RequestEnd.Failed, RequestEnd.Canceled {

    /** Its image was appended to the persona at {@code slug}. */
    record Completed(String slug) implements RequestEnd {
    }

    /** persona-service's status of the failed request (stage and reason), to show as it is. */
    record Failed(JsonNode status) implements RequestEnd {
    }

    /** persona-service's status of the canceled request, to show as it is. */
    record Canceled(JsonNode status) implements RequestEnd {
    }
}
