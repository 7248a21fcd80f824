package org.statelessmcp.registry;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The prompts, resources and resource templates of this deployment; immutable after it is built. */
@ApplicationScoped
public class FeatureRegistry {

    /** A feature and the bean method that serves it. */
    public record Served<D>(D descriptor, BeanMethod method) {
    }

    private final Map<String, Served<Features.PromptDescriptor>> prompts;
    private final Map<String, Served<Features.ResourceDescriptor>> resources;
    private final List<Served<Features.TemplateDescriptor>> templates;

    /** For the CDI client proxy only. */
    protected FeatureRegistry() {
        this.prompts = null;
        this.resources = null;
        this.templates = null;
    }

    @Inject
    public FeatureRegistry(FeatureExtension extension, BeanManager beans) throws ReflectiveOperationException {
        // sorted: every instance lists them, and cuts them into pages, in the same order
        Map<String, Served<Features.PromptDescriptor>> byName = new TreeMap<>();
        for (FeatureExtension.Definition<Features.PromptDescriptor> prompt : extension.prompts()) {
            byName.put(prompt.descriptor().name(), served(prompt, beans));
        }
        Map<String, Served<Features.ResourceDescriptor>> byUri = new TreeMap<>();
        for (FeatureExtension.Definition<Features.ResourceDescriptor> resource : extension.resources()) {
            byUri.put(resource.descriptor().uri(), served(resource, beans));
        }
        List<Served<Features.TemplateDescriptor>> found = new ArrayList<>();
        for (FeatureExtension.Definition<Features.TemplateDescriptor> template : extension.templates()) {
            found.add(served(template, beans));
        }
        this.prompts = java.util.Collections.unmodifiableMap(byName);
        this.resources = java.util.Collections.unmodifiableMap(byUri);
        this.templates = List.copyOf(found);
    }

    private static <D> Served<D> served(FeatureExtension.Definition<D> definition, BeanManager beans)
            throws ReflectiveOperationException {
        return new Served<>(definition.descriptor(), new BeanMethod(definition.method(), definition.bean(), beans));
    }

    public Map<String, Served<Features.PromptDescriptor>> prompts() {
        return prompts;
    }

    public Map<String, Served<Features.ResourceDescriptor>> resources() {
        return resources;
    }

    public List<Served<Features.TemplateDescriptor>> templates() {
        return templates;
    }
}
