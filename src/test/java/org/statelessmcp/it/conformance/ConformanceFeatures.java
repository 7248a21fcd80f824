package org.statelessmcp.it.conformance;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Base64;
import java.util.List;
import org.statelessmcp.api.EmbeddedResource;
import org.statelessmcp.api.ImageContent;
import org.statelessmcp.api.Prompt;
import org.statelessmcp.api.PromptArg;
import org.statelessmcp.api.PromptMessage;
import org.statelessmcp.api.Resource;
import org.statelessmcp.api.ResourceTemplate;

/** The prompts and resources the official MCP conformance suite reads, written with the public API only. */
@ApplicationScoped
public class ConformanceFeatures {

    private static final String PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=";

    @Prompt(name = "test_simple_prompt", description = "A simple prompt without arguments.")
    public String simplePrompt() {
        return "This is a simple prompt for testing.";
    }

    @Prompt(name = "test_prompt_with_arguments", description = "A prompt with two arguments.")
    public PromptMessage promptWithArguments(@PromptArg(description = "First argument") String arg1,
                                             @PromptArg(description = "Second argument") String arg2) {
        return PromptMessage.user("Prompt with arguments: arg1='" + arg1 + "', arg2='" + arg2 + "'");
    }

    @Prompt(name = "test_prompt_with_embedded_resource", description = "A prompt that embeds a resource.")
    public List<PromptMessage> promptWithEmbeddedResource(
            @PromptArg(description = "URI of the resource to embed") String resourceUri) {
        return List.of(PromptMessage.user(EmbeddedResource.text(resourceUri, "text/plain",
                "Embedded resource content for testing.")),
                PromptMessage.user("Please process the embedded resource above."));
    }

    @Prompt(name = "test_prompt_with_image", description = "A prompt with an image.")
    public List<PromptMessage> promptWithImage() {
        return List.of(PromptMessage.user(new ImageContent(PNG, "image/png")),
                PromptMessage.user("Please analyze the image above."));
    }

    @Resource(uri = "test://static-text", name = "static-text", mimeType = "text/plain",
            description = "A static text resource.")
    public String staticText() {
        return "This is the content of the static text resource.";
    }

    @Resource(uri = "test://static-binary", name = "static-binary", mimeType = "image/png",
            description = "A static binary resource.")
    public byte[] staticBinary() {
        return Base64.getDecoder().decode(PNG);
    }

    @Resource(uri = "test://watched-resource", name = "watched-resource", mimeType = "text/plain",
            description = "A resource clients may watch.")
    public String watched() {
        return "Watched resource content.";
    }

    @ResourceTemplate(uriTemplate = "test://template/{id}/data", name = "template-data", mimeType = "application/json",
            description = "Data of one item, by id.")
    public String templateData(String id) {
        return "{\"id\":\"" + id + "\",\"templateTest\":true,\"data\":\"Data for ID: " + id + "\"}";
    }
}
