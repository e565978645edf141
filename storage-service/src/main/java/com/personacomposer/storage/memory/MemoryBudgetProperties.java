package com.personacomposer.storage.memory;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How much image data storage-service holds at once (STORAGE_MAX_BYTES_IN_FLIGHT).
 *
 * @param maxBytesInFlight bytes of downloads, decoded pixels and thumbnails in memory at once; it must hold at least
 *                         one largest download with its decoded pixels (checked at start-up)
 */
@Validated
@ConfigurationProperties("persona.storage")
record MemoryBudgetProperties(@NotNull DataSize maxBytesInFlight) {

    public MemoryBudgetProperties {
        if (maxBytesInFlight != null
                && (maxBytesInFlight.toBytes() < 1 || maxBytesInFlight.toBytes() > Integer.MAX_VALUE)) {
            throw new IllegalArgumentException("persona.storage.max-bytes-in-flight must be between 1B and 2GB, not "
                    + maxBytesInFlight);
        }
    }
}
