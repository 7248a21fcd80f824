package org.statelessmcp.registry;

import jakarta.enterprise.inject.spi.Bean;
import java.lang.invoke.MethodHandle;

/**
 * A validated tool and what it takes to call it.
 *
 * @param descriptor what the tool is
 * @param method the tool method as {@code (Object target, Object[] args) -> Object}
 * @param bean the CDI bean that declares it
 */
public record RegisteredTool(ToolDescriptor descriptor, MethodHandle method, Bean<?> bean) {
}
