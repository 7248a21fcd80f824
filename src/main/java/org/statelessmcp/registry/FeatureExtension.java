package org.statelessmcp.registry;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.AnnotatedMethod;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessManagedBean;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.statelessmcp.api.Prompt;
import org.statelessmcp.api.PromptArg;
import org.statelessmcp.api.PromptMessage;
import org.statelessmcp.api.Resource;
import org.statelessmcp.api.ResourceTemplate;
import org.statelessmcp.api.Tool;

/**
 * Finds the {@code @Prompt}, {@code @Resource} and {@code @ResourceTemplate} methods of CDI beans and validates
 * them all before the application takes a request, as {@link ToolExtension} does for tools.
 */
public class FeatureExtension implements Extension {

    /** A validated feature and the method that serves it. */
    public record Definition<D>(D descriptor, Method method, Bean<?> bean) {
    }

    private record Candidate(Bean<?> bean, AnnotatedMethod<?> method) {
    }

    private final List<Candidate> candidates = new ArrayList<>();
    private volatile List<Definition<Features.PromptDescriptor>> prompts = List.of();
    private volatile List<Definition<Features.ResourceDescriptor>> resources = List.of();
    private volatile List<Definition<Features.TemplateDescriptor>> templates = List.of();

    <T> void collectFeatureMethods(@Observes ProcessManagedBean<T> event) {
        for (AnnotatedMethod<? super T> method : event.getAnnotatedBeanClass().getMethods()) {
            if (method.isAnnotationPresent(Prompt.class) || method.isAnnotationPresent(Resource.class)
                    || method.isAnnotationPresent(ResourceTemplate.class)) {
                candidates.add(new Candidate(event.getBean(), method));
            }
        }
    }

    void validateFeatures(@Observes AfterDeploymentValidation event) {
        List<Definition<Features.PromptDescriptor>> foundPrompts = new ArrayList<>();
        List<Definition<Features.ResourceDescriptor>> foundResources = new ArrayList<>();
        List<Definition<Features.TemplateDescriptor>> foundTemplates = new ArrayList<>();
        Map<String, String> names = new HashMap<>();
        for (Candidate candidate : candidates) {
            AnnotatedMethod<?> annotated = candidate.method();
            Method method = annotated.getJavaMember();
            String source = method.getDeclaringClass().getName() + '#' + method.getName();
            try {
                if (!Modifier.isPublic(method.getModifiers()) || Modifier.isStatic(method.getModifiers())) {
                    throw problem(source, "must be a public instance method");
                }
                if (annotated.isAnnotationPresent(Prompt.class)) {
                    Features.PromptDescriptor prompt = prompt(annotated, source);
                    unique(names, "prompt '" + prompt.name() + "'", source);
                    foundPrompts.add(new Definition<>(prompt, method, candidate.bean()));
                } else if (annotated.isAnnotationPresent(Resource.class)) {
                    Features.ResourceDescriptor resource = resource(annotated, source);
                    unique(names, "resource '" + resource.uri() + "'", source);
                    foundResources.add(new Definition<>(resource, method, candidate.bean()));
                } else {
                    Features.TemplateDescriptor template = template(annotated, source);
                    unique(names, "resource template '" + template.uriTemplate().template() + "'", source);
                    foundTemplates.add(new Definition<>(template, method, candidate.bean()));
                }
            } catch (InvalidDefinitionException e) {
                event.addDeploymentProblem(new DeploymentException(e.getMessage()));
            }
        }
        candidates.clear();
        prompts = List.copyOf(foundPrompts);
        resources = List.copyOf(foundResources);
        templates = List.copyOf(foundTemplates);
    }

    public List<Definition<Features.PromptDescriptor>> prompts() {
        return prompts;
    }

    public List<Definition<Features.ResourceDescriptor>> resources() {
        return resources;
    }

    public List<Definition<Features.TemplateDescriptor>> templates() {
        return templates;
    }

    private static Features.PromptDescriptor prompt(AnnotatedMethod<?> annotated, String source) {
        Method method = annotated.getJavaMember();
        Prompt prompt = annotated.getAnnotation(Prompt.class);
        Type returned = method.getGenericReturnType();
        boolean listOfMessages = returned instanceof ParameterizedType list && list.getRawType() == List.class
                && list.getActualTypeArguments()[0] == PromptMessage.class;
        if (returned != String.class && returned != PromptMessage.class && !listOfMessages) {
            throw problem(source, "a prompt returns String, PromptMessage or List<PromptMessage>");
        }
        List<Features.PromptParameter> arguments = new ArrayList<>();
        Parameter[] parameters = method.getParameters();
        for (int i = 0; i < parameters.length; i++) {
            PromptArg arg = annotated.getParameters().get(i).getAnnotation(PromptArg.class);
            if (ParameterSource.ClientRequestParameter.isClientRequestType(parameters[i].getType())) {
                arguments.add(new Features.ClientInputParameter(parameters[i].getType()));
                continue;
            }
            if (parameters[i].getType() != String.class) {
                throw problem(source, "prompt arguments are strings (or a ClientInput, Elicitation or Sampling);"
                        + " parameter " + parameters[i].getName() + " is not");
            }
            arguments.add(new Features.PromptArgument(name(parameters[i], arg == null ? null : arg.name(), source),
                    arg == null ? "" : arg.description(), arg == null || arg.required()));
        }
        return new Features.PromptDescriptor(named(prompt.name(), method), prompt.title(), prompt.description(),
                arguments, source);
    }

    private static Features.ResourceDescriptor resource(AnnotatedMethod<?> annotated, String source) {
        Method method = annotated.getJavaMember();
        Resource resource = annotated.getAnnotation(Resource.class);
        if (method.getParameterCount() != 0) {
            throw problem(source, "a resource method takes no parameters");
        }
        contentsType(method, source);
        if (resource.uri().isBlank()) {
            throw problem(source, "a resource needs a uri");
        }
        return new Features.ResourceDescriptor(resource.uri(), named(resource.name(), method), resource.title(),
                resource.description(), resource.mimeType(), source);
    }

    private static Features.TemplateDescriptor template(AnnotatedMethod<?> annotated, String source) {
        Method method = annotated.getJavaMember();
        ResourceTemplate template = annotated.getAnnotation(ResourceTemplate.class);
        contentsType(method, source);
        UriTemplate uriTemplate = new UriTemplate(template.uriTemplate());
        List<String> bound = new ArrayList<>();
        for (Parameter parameter : method.getParameters()) {
            String name = name(parameter, null, source);
            if (parameter.getType() != String.class || !uriTemplate.variables().contains(name)) {
                throw problem(source, "parameter " + name + " must be a String named after a variable of "
                        + template.uriTemplate());
            }
            bound.add(name);
        }
        return new Features.TemplateDescriptor(uriTemplate, named(template.name(), method), template.title(),
                template.description(), template.mimeType(), bound, source);
    }

    private static void contentsType(Method method, String source) {
        if (method.getReturnType() != String.class && method.getReturnType() != byte[].class) {
            throw problem(source, "a resource method returns String (text) or byte[] (blob)");
        }
    }

    private static String named(String declared, Method method) {
        return Tool.ELEMENT_NAME.equals(declared) ? method.getName() : declared;
    }

    private static String name(Parameter parameter, String declared, String source) {
        if (declared != null && !Tool.ELEMENT_NAME.equals(declared)) {
            return declared;
        }
        if (!parameter.isNamePresent()) {
            throw problem(source, "parameter " + parameter.getName() + " has no name: compile with -parameters");
        }
        return parameter.getName();
    }

    private static void unique(Map<String, String> names, String what, String source) {
        String clash = names.putIfAbsent(what, source);
        if (clash != null) {
            throw new InvalidDefinitionException("Duplicate " + what + ": " + clash + " and " + source);
        }
    }

    private static InvalidDefinitionException problem(String source, String reason) {
        return new InvalidDefinitionException("Invalid MCP feature method " + source + ": " + reason);
    }
}
