package org.statelessmcp.api;

import java.util.List;
import java.util.Map;

/**
 * A tool's whole answer, when returning a plain value is not enough: several pieces of content, structured content
 * beside them, {@code _meta}, or an error result that is not an exception.
 *
 * <pre>{@code
 * @Tool
 * public ToolResponse lookup(String isbn) {
 *     Book book = catalog.find(isbn);
 *     if (book == null) {
 *         return ToolResponse.error("no book with ISBN " + isbn);
 *     }
 *     return ToolResponse.success(new TextContent(book.title())).withStructuredContent(book);
 * }
 * }</pre>
 *
 * <p>Over MCP it is the {@code CallToolResult}, whole: every content item, {@code structuredContent},
 * {@code isError} and {@code _meta}. In the plain JSON-RPC dialect a success is answered as that same JSON object,
 * and an error result as error {@code -32000} whose message is the first text content (or {@code Tool 'name'
 * failed} when there is none) and whose {@code data} is the whole {@code CallToolResult}, so nothing is lost.
 *
 * @param content what the client shows
 * @param structuredContent a value serialized with JSON-B as {@code structuredContent}, or {@code null}
 * @param isError whether this is a failure the model should see
 * @param meta {@code _meta} of the result, serialized with JSON-B; empty for none
 */
public record ToolResponse(List<Content> content, Object structuredContent, boolean isError, Map<String, Object> meta) {

    public ToolResponse {
        content = List.copyOf(content);
        meta = meta == null ? Map.of() : Map.copyOf(meta);
    }

    /** An answer without {@code _meta}. */
    public ToolResponse(List<? extends Content> content, Object structuredContent, boolean isError) {
        this(List.copyOf(content), structuredContent, isError, Map.of());
    }

    /** A successful answer made of {@code content}. */
    public static ToolResponse success(Content... content) {
        return new ToolResponse(List.of(content), null, false);
    }

    /** A successful answer made of {@code content}. */
    public static ToolResponse success(List<? extends Content> content) {
        return new ToolResponse(content, null, false);
    }

    /** A successful answer of one text. */
    public static ToolResponse success(String text) {
        return success(new TextContent(text));
    }

    /** A successful answer whose structured content is {@code value}, mirrored as JSON text for older clients. */
    public static ToolResponse structuredSuccess(Object value) {
        return new ToolResponse(List.of(), value, false);
    }

    /** A failure described by {@code message}. */
    public static ToolResponse error(String message) {
        return new ToolResponse(List.of(new TextContent(message)), null, true);
    }

    /** A failure made of {@code content}. */
    public static ToolResponse error(List<? extends Content> content) {
        return new ToolResponse(content, null, true);
    }

    /** The same answer with {@code value} as its structured content. */
    public ToolResponse withStructuredContent(Object value) {
        return new ToolResponse(content, value, isError, meta);
    }

    /** The same answer with {@code meta} as its {@code _meta}. */
    public ToolResponse withMeta(Map<String, ?> meta) {
        return new ToolResponse(content, structuredContent, isError, Map.copyOf(meta));
    }
}
