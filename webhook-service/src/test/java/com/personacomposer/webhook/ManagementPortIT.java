package com.personacomposer.webhook;

import com.personacomposer.kit.management.ManagementPortContract;
import org.springframework.test.context.TestPropertySource;

/**
 * Actuator on the management port only, when one is set (ECS, compose). Its listener stays stopped: the delivery
 * tests' services share the broker and the consumer group, and must get every finish event themselves.
 */
@TestPropertySource(properties = {"PERSONA_WEBHOOK_ENCRYPTION_KEY=" + RunningService.ENCRYPTION_KEY,
        "spring.kafka.listener.auto-startup=false"})
class ManagementPortIT extends ManagementPortContract {
}
