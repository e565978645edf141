package com.personacomposer.storage;

import com.personacomposer.kit.management.ManagementPortContract;

/** Actuator on the management port only, when one is set (ECS, compose). */
class ManagementPortIT extends ManagementPortContract {
}
