package org.statelessmcp.registry;

import java.util.List;

/** The prompts, resources and resource templates of this deployment, as validated at deployment. */
public final class Features {

    private Features() {
    }

    /**
     * A prompt.
     *
     * @param parameters where each of the method's parameters comes from, in order
     */
    public record PromptDescriptor(String name, String title, String description, List<PromptParameter> parameters,
                                   String source) {
        public PromptDescriptor {
            parameters = List.copyOf(parameters);
        }

        /** The arguments a client supplies, as {@code prompts/list} shows them. */
        public List<PromptArgument> arguments() {
            return parameters.stream().filter(PromptArgument.class::isInstance).map(PromptArgument.class::cast)
                    .toList();
        }

        /** Whether the prompt may ask the client for input while it is built. */
        public boolean interactive() {
            return parameters.stream().anyMatch(ClientInputParameter.class::isInstance);
        }
    }

    /** Where one parameter of a prompt method comes from. */
    public sealed interface PromptParameter {
    }

    /** A string argument of a prompt, supplied by the client. */
    public record PromptArgument(String name, String description, boolean required) implements PromptParameter {
    }

    /** A {@code ClientInput}, {@code Elicitation} or {@code Sampling}, supplied by the server. */
    public record ClientInputParameter(Class<?> type) implements PromptParameter {
    }

    /** A resource with a fixed URI. */
    public record ResourceDescriptor(String uri, String name, String title, String description, String mimeType,
                                     String source) {
    }

    /**
     * A resource template.
     *
     * @param parameters the template variable bound to each method parameter, in order
     */
    public record TemplateDescriptor(UriTemplate uriTemplate, String name, String title, String description,
                                     String mimeType, List<String> parameters, String source) {
        public TemplateDescriptor {
            parameters = List.copyOf(parameters);
        }
    }
}
