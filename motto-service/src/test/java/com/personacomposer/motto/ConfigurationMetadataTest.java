package com.personacomposer.motto;

import com.personacomposer.kit.testing.ConfigurationMetadataCheck;

class ConfigurationMetadataTest extends ConfigurationMetadataCheck {

    ConfigurationMetadataTest() {
        super(MottoServiceApplication.class);
    }
}
