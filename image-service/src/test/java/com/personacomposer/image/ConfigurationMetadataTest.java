package com.personacomposer.image;

import com.personacomposer.kit.testing.ConfigurationMetadataCheck;

class ConfigurationMetadataTest extends ConfigurationMetadataCheck {

    ConfigurationMetadataTest() {
        super(ImageServiceApplication.class);
    }
}
