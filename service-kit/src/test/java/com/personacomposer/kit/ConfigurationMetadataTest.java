package com.personacomposer.kit;

import com.personacomposer.kit.provider.ProviderProperties;
import com.personacomposer.kit.testing.ConfigurationMetadataCheck;

class ConfigurationMetadataTest extends ConfigurationMetadataCheck {

    ConfigurationMetadataTest() {
        super(ProviderProperties.class);
    }
}
