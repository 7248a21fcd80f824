package org.statelessmcp.it.conformance;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.statelessmcp.api.AudioContent;
import org.statelessmcp.api.Content;
import org.statelessmcp.api.EmbeddedResource;
import org.statelessmcp.api.Emitter;
import org.statelessmcp.api.ImageContent;
import org.statelessmcp.api.TextContent;
import org.statelessmcp.api.Tool;
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
                EmbeddedResource.text("test://mixed-content-resource", "application/json", "{\"test\":\"data\",\"value\":123}"));
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

    private static byte[] silentWav() {
        // a 44-byte RIFF header for 8 kHz 8-bit mono and 8 samples of silence
        byte[] wav = Base64.getDecoder().decode("UklGRiwAAABXQVZFZm10IBAAAAABAAEAQB8AAEAfAAABAAgAZGF0YQgAAACAgICAgICAgA==");
        return wav;
    }
}
