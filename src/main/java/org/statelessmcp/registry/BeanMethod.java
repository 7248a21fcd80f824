package org.statelessmcp.registry;

import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;

/**
 * A method of a CDI bean called synchronously: through the client proxy of a normal-scoped bean, or on a new
 * {@code @Dependent} instance destroyed right after the call.
 */
public final class BeanMethod {

    private final MethodHandle handle;
    private final Bean<?> bean;
    private final BeanManager beans;
    private final Object sharedReference;

    BeanMethod(Method method, Bean<?> bean, BeanManager beans) throws ReflectiveOperationException {
        method.setAccessible(true);
        this.handle = MethodHandles.lookup().unreflect(method)
                .asType(MethodType.genericMethodType(method.getParameterCount() + 1))
                .asSpreader(Object[].class, method.getParameterCount());
        this.bean = bean;
        this.beans = beans;
        this.sharedReference = beans.isNormalScope(bean.getScope())
                ? beans.getReference(bean, bean.getBeanClass(), beans.createCreationalContext(bean))
                : null;
    }

    /** Calls the method; whatever it throws is rethrown unchanged. */
    public Object invoke(Object... arguments) throws Throwable {
        if (sharedReference != null) {
            return handle.invokeExact(sharedReference, arguments);
        }
        CreationalContext<?> context = beans.createCreationalContext(bean);
        try {
            return handle.invokeExact(beans.getReference(bean, bean.getBeanClass(), context), arguments);
        } finally {
            context.release();
        }
    }
}
