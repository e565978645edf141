package com.personacomposer.webhook;

import com.personacomposer.kit.testing.ConfigurationMetadataCheck;

class ConfigurationMetadataTest extends ConfigurationMetadataCheck {

    ConfigurationMetadataTest() {
        super(WebhookServiceApplication.class);
    }
}
