package org.statelessmcp.registry;

/** Where the value of one parameter of a tool method comes from, decided once at deployment. */
public sealed interface ParameterSource {

    /**
     * A named argument from {@code params}.
     *
     * @param name the argument name on the wire
     * @param model what it accepts
     * @param required whether a call must supply it
     * @param defaultValue the bound value used when it is missing (already converted), or the model's absent value
     */
    record Argument(String name, TypeModel model, boolean required, Object defaultValue) implements ParameterSource {
    }

    /** The {@link org.statelessmcp.api.Emitter} of the current call. */
    record EmitterParameter() implements ParameterSource {
    }

    /**
     * A way to ask the client during the call: {@link org.statelessmcp.api.ClientInput},
     * {@link org.statelessmcp.api.Elicitation} or {@link org.statelessmcp.api.Sampling}.
     */
    record ClientRequestParameter(Class<?> type) implements ParameterSource {

        public static boolean isClientRequestType(Class<?> type) {
            return type == org.statelessmcp.api.ClientInput.class || type == org.statelessmcp.api.Elicitation.class
                    || type == org.statelessmcp.api.Sampling.class;
        }
    }

    /**
     * Something of the call itself that the server supplies: {@link org.statelessmcp.api.Progress},
     * {@link org.statelessmcp.api.McpLog}, {@link org.statelessmcp.api.Cancellation},
     * {@link org.statelessmcp.api.RequestId}, {@link org.statelessmcp.api.Caller} or
     * {@link org.statelessmcp.api.TaskHandoff}.
     */
    record ContextParameter(Class<?> type) implements ParameterSource {

        private static final java.util.Set<Class<?>> TYPES = java.util.Set.of(org.statelessmcp.api.Progress.class,
                org.statelessmcp.api.McpLog.class, org.statelessmcp.api.Cancellation.class,
                org.statelessmcp.api.RequestId.class, org.statelessmcp.api.Caller.class,
                org.statelessmcp.api.TaskHandoff.class);

        public static boolean isContextType(Class<?> type) {
            return TYPES.contains(type);
        }

        /** Whether it sends the client notifications while the call runs: progress or log messages. */
        public boolean notifies() {
            return type == org.statelessmcp.api.Progress.class || type == org.statelessmcp.api.McpLog.class;
        }
    }
}
