package org.statelessmcp.it.conformance;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.statelessmcp.api.AudioContent;
import org.statelessmcp.api.Content;
import org.statelessmcp.api.Elicitation;
import org.statelessmcp.api.ElicitationResult;
import org.statelessmcp.api.EmbeddedResource;
import org.statelessmcp.api.Emitter;
import org.statelessmcp.api.ImageContent;
import org.statelessmcp.api.Sampling;
import org.statelessmcp.api.TextContent;
import org.statelessmcp.api.Tool;
import org.statelessmcp.api.ToolArg;
import org.statelessmcp.api.ToolCallException;

/** The tools the official MCP conformance suite calls, written with the public tool API only. */
@ApplicationScoped
public class ConformanceTools {

    /** A 1x1 transparent PNG. */
    private static final String PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=";

    @Tool(name = "test_simple_text", description = "Answers a simple text.")
    public TextContent simpleText() {
        return new TextContent("This is a simple text response for testing.");
    }

    @Tool(name = "test_image_content", description = "Answers an image.")
    public ImageContent image() {
        return new ImageContent(PNG, "image/png");
    }

    @Tool(name = "test_audio_content", description = "Answers a short WAV sound.")
    public AudioContent audio() {
        return AudioContent.of(silentWav(), "audio/wav");
    }

    @Tool(name = "test_embedded_resource", description = "Answers an embedded text resource.")
    public EmbeddedResource embedded() {
        return EmbeddedResource.text("test://embedded-resource", "text/plain", "This is an embedded resource content.");
    }

    @Tool(name = "test_multiple_content_types", description = "Answers text, an image and a resource.")
    public List<Content> mixed() {
        return List.of(new TextContent("Multiple content types test:"), new ImageContent(PNG, "image/png"),
                EmbeddedResource.text("test://mixed-content-resource", "application/json",
                        "{\"test\":\"data\",\"value\":123}"));
    }

    @Tool(name = "test_tool_with_logging", streaming = true, description = "Logs three messages while it runs.")
    public String logging(Emitter emitter) throws InterruptedException {
        for (String message : List.of("Tool execution started", "Tool processing data", "Tool execution completed")) {
            emitter.emit(Map.of("message", message));
            Thread.sleep(50);
        }
        return "Tool with logging executed successfully";
    }

    @Tool(name = "test_tool_with_progress", streaming = true, description = "Reports progress three times.")
    public String progress(Emitter emitter) throws InterruptedException {
        for (int percent : new int[] {0, 50, 100}) {
            emitter.emit(Map.of("percent", percent));
            Thread.sleep(50);
        }
        return "Progress completed";
    }

    @Tool(name = "test_error_handling", description = "Always fails.")
    public String error() {
        throw new ToolCallException("This tool intentionally returns an error for testing");
    }

    @Tool(name = "test_sampling", description = "Asks the client's model to complete a prompt.")
    public String sampling(@ToolArg(description = "The prompt") String prompt, Sampling sampling) {
        return "LLM response: " + sampling.ask(prompt, 100);
    }

    @Tool(name = "test_elicitation", description = "Asks the user for a username and an email.")
    public String elicitation(@ToolArg(description = "What to ask") String message, Elicitation elicitation) {
        JsonObject schema = object(Map.of(
                "username", Json.createObjectBuilder().add("type", "string").add("description", "User's response"),
                "email", Json.createObjectBuilder().add("type", "string").add("description", "User's email address")),
                "username", "email");
        ElicitationResult answer = elicitation.elicit(message, schema);
        return "User response: action=" + answer.action() + ", content=" + answer.content();
    }

    @Tool(name = "test_elicitation_sep1034_defaults", description = "Asks with default values of every kind.")
    public String elicitationDefaults(Elicitation elicitation) {
        JsonObject schema = object(Map.of(
                "name", Json.createObjectBuilder().add("type", "string").add("default", "John Doe"),
                "age", Json.createObjectBuilder().add("type", "integer").add("default", 30),
                "score", Json.createObjectBuilder().add("type", "number").add("default", 95.5),
                "status", Json.createObjectBuilder().add("type", "string")
                        .add("enum", Json.createArrayBuilder(List.of("active", "inactive", "pending")))
                        .add("default", "active"),
                "verified", Json.createObjectBuilder().add("type", "boolean").add("default", true)));
        return "Elicitation completed: action="
                + elicitation.elicit("Please review and update the form fields with defaults", schema).action();
    }

    @Tool(name = "test_elicitation_sep1330_enums", description = "Asks with every kind of enumeration.")
    public String elicitationEnums(Elicitation elicitation) {
        JsonObject schema = object(Map.of(
                "untitledSingle", Json.createObjectBuilder().add("type", "string")
                        .add("enum", Json.createArrayBuilder(List.of("option1", "option2", "option3"))),
                "titledSingle", Json.createObjectBuilder().add("type", "string").add("oneOf", Json.createArrayBuilder()
                        .add(choice("value1", "First Option")).add(choice("value2", "Second Option"))
                        .add(choice("value3", "Third Option"))),
                "legacyEnum", Json.createObjectBuilder().add("type", "string")
                        .add("enum", Json.createArrayBuilder(List.of("opt1", "opt2", "opt3")))
                        .add("enumNames", Json.createArrayBuilder(List.of("Option One", "Option Two", "Option Three"))),
                "untitledMulti", Json.createObjectBuilder().add("type", "array").add("items", Json.createObjectBuilder()
                        .add("type", "string")
                        .add("enum", Json.createArrayBuilder(List.of("option1", "option2", "option3")))),
                "titledMulti", Json.createObjectBuilder().add("type", "array").add("items", Json.createObjectBuilder()
                        .add("anyOf", Json.createArrayBuilder().add(choice("value1", "First Choice"))
                                .add(choice("value2", "Second Choice")).add(choice("value3", "Third Choice"))))));
        return "Elicitation completed: action=" + elicitation.elicit("Please select options from the enum fields",
                schema).action();
    }

    private static JsonObjectBuilder choice(String value, String title) {
        return Json.createObjectBuilder().add("const", value).add("title", title);
    }

    private static JsonObject object(Map<String, JsonObjectBuilder> properties, String... required) {
        JsonObjectBuilder props = Json.createObjectBuilder();
        properties.forEach(props::add);
        JsonObjectBuilder schema = Json.createObjectBuilder().add("type", "object").add("properties", props);
        if (required.length > 0) {
            schema.add("required", Json.createArrayBuilder(List.of(required)));
        }
        return schema.build();
    }

    private static byte[] silentWav() {
        // a 44-byte RIFF header for 8 kHz 8-bit mono and 8 samples of silence
        byte[] wav = Base64.getDecoder()
                .decode("UklGRiwAAABXQVZFZm10IBAAAAABAAEAQB8AAEAfAAABAAgAZGF0YQgAAACAgICAgICAgA==");
        return wav;
    }
}
