package org.statelessmcp.registry;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.json.bind.Jsonb;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.statelessmcp.api.Tool;
import org.statelessmcp.api.ToolArg;

/**
 * A {@link ToolRegistry} of one bean's {@code @Tool} methods, built without a CDI container: the benchmarks measure
 * the engine's own path, and a container would only add its proxies. The bean is reached as an application-scoped
 * reference, as Weld's client proxy would be.
 */
public final class BenchRegistry {

    private BenchRegistry() {
    }

    public static ToolRegistry of(Object target, Jsonb jsonb) throws ReflectiveOperationException {
        Bean<?> bean = bean(target.getClass());
        ToolFactory factory = new ToolFactory(30, 300, jsonb);
        List<RegisteredTool> tools = new ArrayList<>();
        for (Method method : target.getClass().getMethods()) {
            Tool tool = method.getAnnotation(Tool.class);
            if (tool != null) {
                ToolArg[] args = Arrays.stream(method.getParameters())
                        .map(p -> p.getAnnotation(ToolArg.class)).toArray(ToolArg[]::new);
                tools.add(factory.create(bean, method, tool, args));
            }
        }
        ToolExtension extension = new ToolExtension();
        // the extension fills this from CDI's events at deployment; here the tools are known already
        Field registered = ToolExtension.class.getDeclaredField("tools");
        registered.setAccessible(true);
        registered.set(extension, List.copyOf(tools));
        return new ToolRegistry(extension, beanManager(target));
    }

    private static Bean<?> bean(Class<?> type) {
        return (Bean<?>) Proxy.newProxyInstance(BenchRegistry.class.getClassLoader(), new Class<?>[] {Bean.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getScope" -> ApplicationScoped.class;
                    case "getBeanClass" -> type;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> null;
                });
    }

    private static BeanManager beanManager(Object target) {
        return (BeanManager) Proxy.newProxyInstance(BenchRegistry.class.getClassLoader(),
                new Class<?>[] {BeanManager.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "isNormalScope" -> true;
                    case "getReference" -> target;
                    default -> null;
                });
    }
}
