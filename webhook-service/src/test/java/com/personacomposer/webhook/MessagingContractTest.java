package com.personacomposer.webhook;

import com.personacomposer.events.contract.AsyncApiApplications;
import com.personacomposer.kit.contract.ServiceMessaging;
import org.junit.jupiter.api.Test;

/**
 * The AsyncAPI document (common-events asyncapi.yaml) is the one statement of who produces and consumes what, and
 * the Terraform task roles are checked against it: this service's real listeners, consumer groups and publishes must
 * be exactly its application there.
 */
class MessagingContractTest {

    @Test
    void listenersAndPublishesAreThoseOfItsAsyncApiApplication() {
        AsyncApiApplications.load().assertMatches("webhook-service", ServiceMessaging.scan(getClass().getPackageName()));
    }
}
