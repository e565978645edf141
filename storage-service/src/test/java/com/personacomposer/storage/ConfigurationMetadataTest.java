package com.personacomposer.storage;

import com.personacomposer.kit.testing.ConfigurationMetadataCheck;

class ConfigurationMetadataTest extends ConfigurationMetadataCheck {

    ConfigurationMetadataTest() {
        super(StorageServiceApplication.class);
    }
}
