package org.statelessmcp.registry;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import java.io.StringReader;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.regex.Pattern;
import org.statelessmcp.api.Cancellation;
import org.statelessmcp.api.Emitter;
import org.statelessmcp.api.TaskHandoff;
import org.statelessmcp.api.Tool;
import org.statelessmcp.api.ToolArg;
import org.statelessmcp.api.ToolResponse;
import org.statelessmcp.protocol.JsonP;
import org.statelessmcp.schema.JsonSchema;

/**
 * Validates one {@code @Tool} method and builds its {@link RegisteredTool}: name, input schema, parameter sources,
 * effective timeout and a method handle, so nothing is decided by reflection at call time.
 */
final class ToolFactory {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,128}");

    private final long defaultTimeoutSeconds;
    private final long maxTimeoutSeconds;

    private final Jsonb jsonb;

    /**
     * @param jsonb binds structured default values at deployment, so a bad default fails the deployment
     */
    ToolFactory(long defaultTimeoutSeconds, long maxTimeoutSeconds, Jsonb jsonb) {
        this.defaultTimeoutSeconds = defaultTimeoutSeconds;
        this.maxTimeoutSeconds = maxTimeoutSeconds;
        this.jsonb = jsonb;
    }

    /**
     * @param tool the method's {@code @Tool}
     * @param toolArgs each parameter's {@code @ToolArg}, or {@code null} where it has none
     * @throws InvalidDefinitionException naming the method and every problem found with it
     */
    RegisteredTool create(Bean<?> bean, Method method, Tool tool, ToolArg[] toolArgs) {
        String source = method.getDeclaringClass().getName() + '#' + method.getName();
        List<String> problems = new ArrayList<>();

        if (Modifier.isPrivate(method.getModifiers())) {
            // package-private and protected methods are fine (Quarkus MCP Server's examples use them); a private one
            // is out of the reach of the container's proxy and interceptors
            problems.add("a tool method must not be private");
        }
        if (Modifier.isStatic(method.getModifiers())) {
            problems.add("a tool method must not be static");
        }
        String name = Tool.ELEMENT_NAME.equals(tool.name()) ? method.getName() : tool.name();
        if (!NAME.matcher(name).matches()) {
            problems.add("tool name '" + name + "' must match " + NAME.pattern());
        }
        if (tool.timeout() < 0) {
            problems.add("timeout must be 0 (the default) or a positive number of seconds");
        }

        // a hand-written schema decides what is required; the parameters only bind its properties
        boolean handWritten = !tool.inputSchema().isEmpty();
        List<ParameterSource> parameters = new ArrayList<>();
        JsonObjectBuilder properties = JsonP.createObjectBuilder();
        List<String> required = new ArrayList<>();
        Set<String> argumentNames = new HashSet<>();
        Set<String> headerNames = new HashSet<>();
        int emitters = 0;
        Parameter[] javaParameters = method.getParameters();
        for (int i = 0; i < javaParameters.length; i++) {
            Parameter javaParameter = javaParameters[i];
            ToolArg toolArg = toolArgs[i];
            if (ParameterSource.ClientRequestParameter.isClientRequestType(javaParameter.getType())) {
                parameters.add(new ParameterSource.ClientRequestParameter(javaParameter.getType()));
                continue;
            }
            if (ParameterSource.ContextParameter.isContextType(javaParameter.getType())) {
                parameters.add(new ParameterSource.ContextParameter(javaParameter.getType()));
                continue;
            }
            if (Emitter.class.equals(javaParameter.getType())) {
                emitters++;
                parameters.add(new ParameterSource.EmitterParameter());
                continue;
            }
            try {
                ParameterSource.Argument argument = argument(javaParameter, toolArg, handWritten);
                if (!argumentNames.add(argument.name())) {
                    problems.add("two parameters are named '" + argument.name() + "'");
                }
                parameters.add(argument);
                if (!handWritten && toolArg != null && !toolArg.header().isEmpty()) {
                    problems.addAll(
                            ParamHeaders.problems(argument.name(), toolArg.header(), argument.model().schema()));
                    if (!headerNames.add(toolArg.header().toLowerCase(java.util.Locale.ROOT))) {
                        problems.add("two parameters are mirrored into header '" + toolArg.header()
                                + "' (header names are case-insensitive)");
                    }
                }
                properties.add(argument.name(), argumentSchema(argument, toolArg));
                if (argument.required()) {
                    required.add(argument.name());
                }
            } catch (InvalidDefinitionException e) {
                problems.add(e.getMessage());
            }
        }
        if (rolesAllowed(method).isEmpty() && (method.isAnnotationPresent(RolesAllowed.class)
                || method.getDeclaringClass().isAnnotationPresent(RolesAllowed.class))
                && !method.isAnnotationPresent(PermitAll.class)) {
            problems.add("@RolesAllowed names no role: nobody could call it");
        }
        if (emitters > 1) {
            problems.add("at most one Emitter parameter is allowed");
        }
        if (tool.streaming() && emitters == 0) {
            problems.add("a streaming tool must declare an Emitter parameter");
        }
        if (!tool.streaming() && emitters > 0) {
            problems.add("declares an Emitter but is not @Tool(streaming = true)");
        }
        problems.addAll(taskProblems(tool, parameters));
        JsonSchema argumentSchema = handWritten
                ? HandWrittenSchema.read(method.getDeclaringClass(), tool.inputSchema(), problems) : null;
        if (argumentSchema != null) {
            problems.addAll(HandWrittenSchema.parameterProblems(argumentSchema.document(), parameters, toolArgs));
        }
        if (!problems.isEmpty()) {
            throw new InvalidDefinitionException("Invalid @Tool method " + source + ": " + String.join("; ", problems));
        }

        JsonObjectBuilder schema = JsonP.createObjectBuilder().add("$schema", JsonSchema.DIALECT).add("type", "object")
                .add("properties", properties);
        if (!required.isEmpty()) {
            schema.add("required", JsonP.createArrayBuilder(required));
        }
        schema.add("additionalProperties", false);
        long timeout = Math.min(tool.timeout() > 0 ? tool.timeout() : defaultTimeoutSeconds, maxTimeoutSeconds);
        boolean async = CompletionStage.class.isAssignableFrom(method.getReturnType());
        ToolDescriptor descriptor = new ToolDescriptor(name, tool.title(), tool.description(), tool.streaming(),
                timeout, tool.annotations(), handWritten ? argumentSchema.document() : schema.build(),
                outputSchema(method, async), parameters, async,
                parameters.stream().anyMatch(ParameterSource.ClientRequestParameter.class::isInstance),
                parameters.stream().anyMatch(p -> p instanceof ParameterSource.ContextParameter c && c.notifies()),
                parameters.contains(new ParameterSource.ContextParameter(Cancellation.class)), source,
                rolesAllowed(method), tool.taskSupport(), argumentSchema);
        return new RegisteredTool(descriptor, handle(method, source), bean);
    }

    /** A task has no stream: a streaming tool's chunks would reach nobody, and a hand-off needs a task to become. */
    private static List<String> taskProblems(Tool tool, List<ParameterSource> parameters) {
        List<String> problems = new ArrayList<>();
        boolean tasks = tool.taskSupport() != org.statelessmcp.api.TaskSupport.FORBIDDEN;
        if (tasks && tool.streaming()) {
            problems.add("a streaming tool cannot run as a task (taskSupport = " + tool.taskSupport()
                    + "): its chunks would reach nobody");
        }
        if (!tasks && parameters.contains(new ParameterSource.ContextParameter(TaskHandoff.class))) {
            problems.add("declares a TaskHandoff but its taskSupport is FORBIDDEN: set OPTIONAL or REQUIRED");
        }
        return problems;
    }

    /**
     * The roles {@code @RolesAllowed} asks of a caller: the method's own, else none when it is {@code @PermitAll},
     * else its class's. The engine checks them itself before a call: the container enforces them on EJBs only.
     */
    private static Set<String> rolesAllowed(Method method) {
        RolesAllowed own = method.getAnnotation(RolesAllowed.class);
        if (own != null) {
            return Set.of(own.value());
        }
        if (method.isAnnotationPresent(PermitAll.class)) {
            return Set.of();
        }
        RolesAllowed inherited = method.getDeclaringClass().getAnnotation(RolesAllowed.class);
        return inherited == null ? Set.of() : Set.of(inherited.value());
    }

    /** A record result has an output schema; anything else is described by its content alone. */
    private static JsonObject outputSchema(Method method, boolean async) {
        Type type = method.getGenericReturnType();
        if (async) {
            type = type instanceof ParameterizedType stage ? stage.getActualTypeArguments()[0] : Object.class;
        }
        if (!(type instanceof Class<?> c) || !c.isRecord() || c == ToolResponse.class) {
            return null;
        }
        try {
            // the record's own schema, declared at the root only: nested schemas inherit the dialect
            return JsonP.createObjectBuilder().add("$schema", JsonSchema.DIALECT)
                    .addAll(JsonP.createObjectBuilder(TypeModels.of(c).schema())).build();
        } catch (UnsupportedTypeException e) {
            return null;
        }
    }

    private ParameterSource.Argument argument(Parameter parameter, ToolArg arg, boolean handWritten) {
        String name;
        if (arg != null && !ToolArg.ELEMENT_NAME.equals(arg.name())) {
            name = arg.name();
        } else if (parameter.isNamePresent()) {
            name = parameter.getName();
        } else {
            throw new InvalidDefinitionException("parameter " + parameter.getName()
                    + " has no name: compile with -parameters or name it with @ToolArg(name = \"...\")");
        }
        TypeModel model;
        try {
            model = TypeModels.of(parameter.getParameterizedType());
        } catch (UnsupportedTypeException e) {
            throw new InvalidDefinitionException("parameter '" + name + "': " + e.getMessage());
        }
        boolean hasDefault = arg != null && !arg.defaultValue().isEmpty();
        boolean required = !handWritten && (arg == null || arg.required()) && !hasDefault
                && !(model instanceof StructuredModels.OptionalModel);
        Object defaultValue = model.absent();
        if (hasDefault) {
            try {
                defaultValue = model.bind(defaultJson(arg.defaultValue()), name, jsonb);
            } catch (InvalidArgumentException e) {
                throw new InvalidDefinitionException("parameter '" + name + "' has an invalid defaultValue: "
                        + e.getMessage());
            }
        }
        return new ParameterSource.Argument(name, model, required, defaultValue);
    }

    /** A default is JSON when it parses as JSON, otherwise a plain string. */
    private static JsonValue defaultJson(String text) {
        try (var reader = JsonP.createReader(new StringReader(text))) {
            return reader.readValue();
        } catch (JsonException e) {
            return JsonP.createValue(text);
        }
    }

    private static JsonValue argumentSchema(ParameterSource.Argument argument, ToolArg arg) {
        JsonObjectBuilder schema = JsonP.createObjectBuilder(argument.model().schema());
        if (arg != null && !arg.description().isEmpty()) {
            schema.add("description", arg.description());
        }
        if (arg != null && !arg.defaultValue().isEmpty()) {
            schema.add("default", defaultJson(arg.defaultValue()));
        }
        if (arg != null && !arg.header().isEmpty()) {
            schema.add(ParamHeaders.SCHEMA_KEYWORD, arg.header());
        }
        return schema.build();
    }

    private static MethodHandle handle(Method method, String source) {
        try {
            method.setAccessible(true);
            return MethodHandles.lookup().unreflect(method)
                    .asType(MethodType.genericMethodType(method.getParameterCount() + 1))
                    .asSpreader(Object[].class, method.getParameterCount());
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new InvalidDefinitionException("Invalid @Tool method " + source + ": cannot be invoked (" + e + ")");
        }
    }
}
