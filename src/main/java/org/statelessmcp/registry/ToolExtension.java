package org.statelessmcp.registry;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.AnnotatedMethod;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.ProcessManagedBean;
import jakarta.enterprise.inject.spi.WithAnnotations;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.statelessmcp.api.Tool;
import org.statelessmcp.api.ToolArg;

/**
 * Finds the {@code @Tool} methods of CDI beans while the container boots, and validates them all before the
 * application takes a request: every problem (duplicate names, unsupported parameter types, ...) fails the
 * deployment with a message naming the method, all of them at once. No classpath scanning: only beans the
 * container discovered, including those in a tool jar under {@code WEB-INF/lib} with a {@code beans.xml}.
 */
public class ToolExtension implements Extension {

    private static final Logger LOG = Logger.getLogger(ToolExtension.class.getName());
    static final String EXAMPLES_PACKAGE = "org.statelessmcp.examples";

    /** MCP methods without a slash: a tool of that name could never be called in plain JSON-RPC. */
    private static final java.util.Set<String> RESERVED = java.util.Set.of("initialize", "ping");

    private final List<Candidate> candidates = new ArrayList<>();
    private volatile List<RegisteredTool> tools = List.of();

    private record Candidate(Bean<?> bean, AnnotatedMethod<?> method) {
    }

    /** The example tools exist only while {@code smcp.examples.enabled} is true. */
    void vetoDisabledExamples(@Observes @WithAnnotations(Tool.class) ProcessAnnotatedType<?> event) {
        Class<?> type = event.getAnnotatedType().getJavaClass();
        if (EXAMPLES_PACKAGE.equals(type.getPackageName())
                && !ConfigProvider.getConfig().getOptionalValue("smcp.examples.enabled", Boolean.class).orElse(true)) {
            event.veto();
        }
    }

    <T> void collectToolMethods(@Observes ProcessManagedBean<T> event) {
        for (AnnotatedMethod<? super T> method : event.getAnnotatedBeanClass().getMethods()) {
            if (method.isAnnotationPresent(Tool.class)) {
                candidates.add(new Candidate(event.getBean(), method));
            }
        }
    }

    void validateTools(@Observes AfterDeploymentValidation event) {
        Config config = ConfigProvider.getConfig();
        long defaultTimeout = config.getOptionalValue("smcp.default-tool-timeout", Long.class).orElse(30L);
        long maxTimeout = config.getOptionalValue("smcp.max-tool-timeout", Long.class).orElse(300L);
        Map<String, RegisteredTool> byName = new LinkedHashMap<>();
        int problems = 0;
        Jsonb jsonb = JsonbBuilder.create();
        ToolFactory factory = new ToolFactory(defaultTimeout, maxTimeout, jsonb);
        for (Candidate candidate : candidates) {
            try {
                RegisteredTool tool = create(factory, candidate);
                if (RESERVED.contains(tool.descriptor().name())) {
                    problems++;
                    event.addDeploymentProblem(new DeploymentException("Tool name '" + tool.descriptor().name()
                            + "' of " + tool.descriptor().source() + " is an MCP method; choose another"));
                    continue;
                }
                RegisteredTool clash = byName.putIfAbsent(tool.descriptor().name(), tool);
                if (clash != null) {
                    problems++;
                    event.addDeploymentProblem(new DeploymentException("Duplicate tool name '"
                            + tool.descriptor().name() + "': " + clash.descriptor().source() + " and "
                            + tool.descriptor().source()));
                }
            } catch (InvalidDefinitionException e) {
                problems++;
                event.addDeploymentProblem(new DeploymentException(e.getMessage()));
            }
        }
        close(jsonb);
        candidates.clear();
        if (problems == 0) {
            tools = List.copyOf(byName.values());
            LOG.info(() -> "stateless-mcp: " + byName.size() + " tools registered: " + byName.keySet());
        }
    }

    private static void close(Jsonb jsonb) {
        try {
            jsonb.close();
        } catch (Exception e) {
            LOG.log(java.util.logging.Level.FINE, "closing the deployment-time JSON-B instance failed", e);
        }
    }

    /** Annotations are read from CDI's view of the method, so extensions that add or change them are honoured. */
    private static RegisteredTool create(ToolFactory factory, Candidate candidate) {
        AnnotatedMethod<?> method = candidate.method();
        ToolArg[] toolArgs = method.getParameters().stream()
                .map(parameter -> parameter.getAnnotation(ToolArg.class))
                .toArray(ToolArg[]::new);
        return factory.create(candidate.bean(), method.getJavaMember(), method.getAnnotation(Tool.class), toolArgs);
    }

    /** The validated tools, once the container has validated the deployment. */
    public List<RegisteredTool> tools() {
        return tools;
    }
}
