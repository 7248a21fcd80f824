package org.statelessmcp.api;

/**
 * One piece of a tool's answer as MCP clients show it: text, an image, audio, a link to a resource or an embedded
 * resource. Return one, a {@code List} of them, or a {@link ToolResponse} from a {@link Tool} method.
 *
 * <pre>{@code
 * @Tool(description = "Renders a chart")
 * public List<Content> chart(String series) {
 *     byte[] png = renderer.png(series);
 *     return List.of(new TextContent("Chart of " + series), ImageContent.of(png, "image/png"));
 * }
 * }</pre>
 *
 * <p>In the plain JSON-RPC dialect the same values are answered as their MCP JSON form.
 */
public sealed interface Content permits TextContent, ImageContent, AudioContent, ResourceLink, EmbeddedResource {
}
