package com.personacomposer.persona;

import com.personacomposer.kit.testing.ConfigurationMetadataCheck;

class ConfigurationMetadataTest extends ConfigurationMetadataCheck {

    ConfigurationMetadataTest() {
        super(PersonaServiceApplication.class);
    }
}
