package org.statelessmcp.registry;

import java.util.List;

/** The prompts, resources and resource templates of this deployment, as validated at deployment. */
public final class Features {

    private Features() {
    }

    /**
     * A prompt.
     *
     * @param arguments its arguments, in the method's parameter order
     */
    public record PromptDescriptor(String name, String title, String description, List<PromptArgument> arguments,
                                   String source) {
        public PromptDescriptor {
            arguments = List.copyOf(arguments);
        }
    }

    /** One argument of a prompt. */
    public record PromptArgument(String name, String description, boolean required) {
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
