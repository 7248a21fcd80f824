package org.statelessmcp.api;

import java.util.List;

/**
 * A tool's whole answer, when returning a plain value is not enough: several pieces of content, structured content
 * beside them, or an error result that is not an exception.
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
 * <p>Over MCP it is the {@code CallToolResult}. In the seed JSON-RPC dialect an error response is answered as
 * error {@code -32000} with the first text as its message, and a success as its MCP JSON form.
 *
 * @param content what the client shows
 * @param structuredContent a value serialized with JSON-B as {@code structuredContent}, or {@code null}
 * @param isError whether this is a failure the model should see
 */
public record ToolResponse(List<Content> content, Object structuredContent, boolean isError) {

    public ToolResponse {
        content = List.copyOf(content);
    }

    /** A successful answer made of {@code content}. */
    public static ToolResponse success(Content... content) {
        return new ToolResponse(List.of(content), null, false);
    }

    /** A failure described by {@code message}. */
    public static ToolResponse error(String message) {
        return new ToolResponse(List.of(new TextContent(message)), null, true);
    }

    /** The same answer with {@code value} as its structured content. */
    public ToolResponse withStructuredContent(Object value) {
        return new ToolResponse(content, value, isError);
    }
}
