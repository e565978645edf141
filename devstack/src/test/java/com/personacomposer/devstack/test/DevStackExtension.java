package com.personacomposer.devstack.test;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.opentest4j.TestAbortedException;
import com.personacomposer.devstack.Infrastructure;

/**
 * Starts the shared infrastructure before a test class (once per JVM) and injects it as an {@link Infrastructure}
 * parameter. Where containers were asked for and Docker is missing, the class is skipped, never failed.
 */
public class DevStackExtension implements BeforeAllCallback, ParameterResolver {

    @Override
    public void beforeAll(ExtensionContext context) {
        if (!DevStack.usable()) {
            throw new TestAbortedException("devstack.infra=containers but no Docker engine is available");
        }
        DevStack.shared();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Infrastructure.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return DevStack.shared();
    }
}
