package org.statelessmcp.mcp;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.statelessmcp.api.InputRequired;
import org.statelessmcp.api.PromptMessage;
import org.statelessmcp.api.ToolCallException;
import org.statelessmcp.dispatch.CallControl;
import org.statelessmcp.dispatch.ClientAsk;
import org.statelessmcp.dispatch.ClientRequests;
import org.statelessmcp.dispatch.ContentJson;
import org.statelessmcp.dispatch.Outcome;
import org.statelessmcp.dispatch.PendingAnswer;
import org.statelessmcp.dispatch.ToolObserver;
import org.statelessmcp.protocol.JsonP;
import org.statelessmcp.protocol.JsonRpcError;
import org.statelessmcp.registry.FeatureRegistry;
import org.statelessmcp.registry.Features;

/**
 * MCP prompts, resources, resource templates and completion, served from the {@link FeatureRegistry}. The list
 * results are rendered once. Prompt and resource methods are quick by contract and run on the request thread.
 */
final class McpFeatures {

    /**
     * How long a prompt may wait for its client's answer; only 2025 clients could make it wait, and they cannot ask.
     */
    private static final long PROMPT_INPUT_TIMEOUT_SECONDS = 30;

    private final FeatureRegistry registry;
    private final ToolObserver observer;
    private final Jsonb jsonb;
    private final PagedList promptList;
    private final PagedList resourceList;
    private final PagedList templateList;
    private final boolean skillResources;

    /**
     * @param skills the {@code skill://} resources, listed after the {@code @Resource} ones
     */
    McpFeatures(FeatureRegistry registry, ToolObserver observer, int pageSize, Jsonb jsonb, List<JsonObject> skills) {
        this.registry = registry;
        this.jsonb = jsonb;
        this.observer = observer;
        this.promptList = new PagedList("prompts", registry.prompts().values().stream()
                .map(prompt -> describe(prompt.descriptor())).toList(), pageSize);
        this.resourceList = new PagedList("resources", Stream.concat(registry.resources().values().stream()
                .map(resource -> describe(resource.descriptor())), skills.stream()).toList(), pageSize);
        this.skillResources = !skills.isEmpty();
        this.templateList = new PagedList("resourceTemplates", registry.templates().stream()
                .map(template -> describe(template.descriptor())).toList(), pageSize);
    }

    /** The capabilities these features add to {@code initialize}'s answer. */
    void advertise(JsonObjectBuilder capabilities) {
        if (!registry.prompts().isEmpty()) {
            capabilities.add("prompts", JsonP.createObjectBuilder().add("listChanged", false));
        }
        if (!registry.resources().isEmpty() || !registry.templates().isEmpty() || skillResources) {
            capabilities.add("resources",
                    JsonP.createObjectBuilder().add("subscribe", false).add("listChanged", false));
        }
        if (!registry.prompts().isEmpty() || !registry.templates().isEmpty()) {
            capabilities.add("completions", JsonValue.EMPTY_JSON_OBJECT);
        }
    }

    PendingAnswer promptList(JsonObject params) {
        return promptList.page(params);
    }

    PendingAnswer resourceList(JsonObject params) {
        return resourceList.page(params);
    }

    PendingAnswer templateList(JsonObject params) {
        return templateList.page(params);
    }

    /** No argument completions are offered: an empty, complete list, which the specification allows. */
    PendingAnswer complete() {
        return PendingAnswer.result("{\"completion\":{\"values\":[],\"total\":0,\"hasMore\":false}}");
    }

    /**
     * @param requests how the prompt may ask its client for input
     */
    PendingAnswer getPrompt(String name, JsonObject params, ClientRequests requests) {
        if (name == null) {
            return PendingAnswer.error(JsonRpcError.invalidParams("prompts/get needs the prompt's name"));
        }
        FeatureRegistry.Served<Features.PromptDescriptor> prompt = registry.prompts().get(name);
        if (prompt == null) {
            return PendingAnswer.error(JsonRpcError.invalidParams("Unknown prompt: " + name));
        }
        JsonObject given = params.get("arguments") instanceof JsonObject object ? object : JsonValue.EMPTY_JSON_OBJECT;
        List<Features.PromptParameter> parameters = prompt.descriptor().parameters();
        Object[] values = new Object[parameters.size()];
        ClientAsk ask = new ClientAsk(new CallControl(prompt.descriptor().name(), PROMPT_INPUT_TIMEOUT_SECONDS),
                requests, jsonb);
        for (int i = 0; i < values.length; i++) {
            if (!(parameters.get(i) instanceof Features.PromptArgument argument)) {
                values[i] = ask;
                continue;
            }
            JsonValue value = given.get(argument.name());
            if (value instanceof JsonString string) {
                values[i] = string.getString();
            } else if (value != null && value.getValueType() != JsonValue.ValueType.NULL) {
                return PendingAnswer.error(JsonRpcError.invalidParams("'" + argument.name() + "' must be a string"));
            } else if (argument.required()) {
                return PendingAnswer.error(JsonRpcError.invalidParams(
                        "missing required argument '" + argument.name() + "'"));
            }
        }
        Object result;
        try {
            result = prompt.method().invoke(values);
        } catch (InputRequired roundEnd) {
            // the prompt asked its client: the round decides the answer
            return PendingAnswer.done(new Outcome.Suspended(roundEnd.getMessage()));
        } catch (Throwable failure) {
            return PendingAnswer.error(failed(prompt.descriptor().name(), prompt.descriptor().source(), failure));
        }
        JsonArrayBuilder messages = JsonP.createArrayBuilder();
        for (PromptMessage message : messages(result)) {
            messages.add(JsonP.createObjectBuilder().add("role", message.role())
                    .add("content", ContentJson.of(message.content())));
        }
        JsonObjectBuilder answer = JsonP.createObjectBuilder();
        if (!prompt.descriptor().description().isEmpty()) {
            answer.add("description", prompt.descriptor().description());
        }
        return PendingAnswer.result(answer.add("messages", messages).build().toString());
    }

    /**
     * @param stateless whether the request speaks 2026-07-28, which reports an unknown resource as {@code -32602}
     */
    PendingAnswer read(String uri, boolean stateless) {
        if (uri == null) {
            return PendingAnswer.error(JsonRpcError.invalidParams("resources/read needs a uri"));
        }
        FeatureRegistry.Served<Features.ResourceDescriptor> resource = registry.resources().get(uri);
        if (resource != null) {
            return contents(uri, resource.descriptor().mimeType(), resource.descriptor().uri(),
                    resource.descriptor().source(), resource.method()::invoke, new Object[0]);
        }
        for (FeatureRegistry.Served<Features.TemplateDescriptor> template : registry.templates()) {
            Map<String, String> variables = template.descriptor().uriTemplate().match(uri);
            if (variables != null) {
                Object[] values = template.descriptor().parameters().stream().map(variables::get).toArray();
                return contents(uri, template.descriptor().mimeType(), template.descriptor().name(),
                        template.descriptor().source(), template.method()::invoke, values);
            }
        }
        return PendingAnswer.error(stateless ? JsonRpcError.unknownResource(uri)
                : JsonRpcError.resourceNotFound(uri));
    }

    @FunctionalInterface
    private interface Reader {
        Object read(Object[] arguments) throws Throwable;
    }

    private PendingAnswer contents(String uri, String mimeType, String name, String source, Reader reader,
                                   Object[] arguments) {
        Object value;
        try {
            value = reader.read(arguments);
        } catch (Throwable failure) {
            return PendingAnswer.error(failed(name, source, failure));
        }
        JsonObjectBuilder contents = JsonP.createObjectBuilder().add("uri", uri);
        if (!mimeType.isEmpty()) {
            contents.add("mimeType", mimeType);
        }
        if (value instanceof byte[] bytes) {
            contents.add("blob", Base64.getEncoder().encodeToString(bytes));
        } else {
            contents.add("text", value == null ? "" : value.toString());
        }
        return PendingAnswer.result(JsonP.createObjectBuilder()
                .add("contents", JsonP.createArrayBuilder().add(contents)).build().toString());
    }

    private JsonRpcError failed(String name, String source, Throwable failure) {
        if (failure instanceof ToolCallException declared && declared.getMessage() != null) {
            return JsonRpcError.toolFailed(declared.getMessage(), null);
        }
        observer.toolCrashed(name, source, failure);
        return JsonRpcError.internalError();
    }

    @SuppressWarnings("unchecked")
    private static List<PromptMessage> messages(Object result) {
        if (result instanceof String text) {
            return List.of(PromptMessage.user(text));
        }
        if (result instanceof PromptMessage message) {
            return List.of(message);
        }
        return result == null ? List.of() : (List<PromptMessage>) result;
    }

    private static JsonObject describe(Features.PromptDescriptor prompt) {
        JsonArrayBuilder arguments = JsonP.createArrayBuilder();
        for (Features.PromptArgument argument : prompt.arguments()) {
            JsonObjectBuilder described = JsonP.createObjectBuilder().add("name", argument.name());
            if (!argument.description().isEmpty()) {
                described.add("description", argument.description());
            }
            arguments.add(described.add("required", argument.required()));
        }
        JsonObjectBuilder described = JsonP.createObjectBuilder().add("name", prompt.name());
        if (!prompt.title().isEmpty()) {
            described.add("title", prompt.title());
        }
        return described.add("description", prompt.description().isEmpty() ? prompt.name() : prompt.description())
                .add("arguments", arguments).build();
    }

    private static JsonObject describe(Features.ResourceDescriptor resource) {
        JsonObjectBuilder described = JsonP.createObjectBuilder().add("uri", resource.uri()).add("name",
                resource.name());
        optional(described, "title", resource.title());
        optional(described, "description", resource.description());
        optional(described, "mimeType", resource.mimeType());
        return described.build();
    }

    private static JsonObject describe(Features.TemplateDescriptor template) {
        JsonObjectBuilder described = JsonP.createObjectBuilder()
                .add("uriTemplate", template.uriTemplate().template()).add("name", template.name());
        optional(described, "title", template.title());
        optional(described, "description", template.description());
        optional(described, "mimeType", template.mimeType());
        return described.build();
    }

    private static void optional(JsonObjectBuilder json, String name, String value) {
        if (!value.isEmpty()) {
            json.add(name, value);
        }
    }
}
