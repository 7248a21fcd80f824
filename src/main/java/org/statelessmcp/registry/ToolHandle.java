package org.statelessmcp.registry;

import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;

/**
 * Calls one tool method on its bean. A normal-scoped bean is reached through its client proxy, taken once; a
 * {@code @Dependent} bean gets a new instance per call, destroyed when the call ends.
 */
public final class ToolHandle {

    private final ToolDescriptor descriptor;
    private final RegisteredTool tool;
    private final BeanManager beans;
    private final Object sharedReference;

    ToolHandle(RegisteredTool tool, BeanManager beans) {
        this.descriptor = tool.descriptor();
        this.tool = tool;
        this.beans = beans;
        Bean<?> bean = tool.bean();
        this.sharedReference = beans.isNormalScope(bean.getScope())
                ? beans.getReference(bean, bean.getBeanClass(), beans.createCreationalContext(bean))
                : null;
    }

    public ToolDescriptor descriptor() {
        return descriptor;
    }

    /** A target to call the method on; {@link Target#release()} it when the call has ended. */
    public Target acquire() {
        if (sharedReference != null) {
            return new Target(sharedReference, null);
        }
        Bean<?> bean = tool.bean();
        CreationalContext<?> context = beans.createCreationalContext(bean);
        return new Target(beans.getReference(bean, bean.getBeanClass(), context), context);
    }

    /** One bean instance for one call. */
    public final class Target {

        private final Object instance;
        private final CreationalContext<?> context;

        private Target(Object instance, CreationalContext<?> context) {
            this.instance = instance;
            this.context = context;
        }

        /** Runs the tool method with bound arguments; whatever the method throws is rethrown unchanged. */
        public Object invoke(Object[] arguments) throws Throwable {
            return tool.method().invokeExact(instance, arguments);
        }

        public void release() {
            if (context != null) {
                context.release();
            }
        }
    }
}
