package com.personacomposer.webhook;

import com.personacomposer.kit.management.ManagementPortContract;
import org.springframework.test.context.TestPropertySource;

/** Actuator on the management port only, when one is set (ECS, compose). */
@TestPropertySource(properties = "PERSONA_WEBHOOK_ENCRYPTION_KEY=" + RunningService.ENCRYPTION_KEY)
class ManagementPortIT extends ManagementPortContract {
}
