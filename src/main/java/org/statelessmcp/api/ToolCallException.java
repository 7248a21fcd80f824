package org.statelessmcp.api;

/**
 * A failure the tool declares on purpose: its message, and only its message, is meant for the caller.
 *
 * <p>The client sees the message you chose: over MCP as a result with {@code isError: true} and the message as its
 * text, in the plain JSON-RPC dialect as error {@code -32000} with the message. A cause given to the constructor is
 * logged on the server with the request id and never sent; neither is its message, its class or its stack. Any other
 * exception escaping a tool is answered with a generic message ({@code Tool 'name' failed}) and logged the same way.
 *
 * <pre>{@code
 * @Tool
 * public Account account(String id) {
 *     try {
 *         return accounts.find(id).orElseThrow(() -> new ToolCallException("no account " + id));
 *     } catch (SQLException e) {
 *         throw new ToolCallException("accounts are unavailable, try again later", e); // e stays on the server
 *     }
 * }
 * }</pre>
 *
 * <p>Structured detail for the caller is given by name, so that a {@code Throwable} can never be mistaken for it:
 * {@code ToolCallException.withData("quota exceeded", Map.of("limit", 100))}. It reaches the client as the error's
 * {@code data} (plain JSON-RPC) or as {@code structuredContent} (MCP). A {@code Throwable} anywhere inside the data is
 * written as {@code null}.
 */
public class ToolCallException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Object data;

    /** A tool error with a message for the caller. */
    public ToolCallException(String message) {
        this(message, null, null);
    }

    /** A tool error with a message for the caller, caused by {@code cause}, which is logged and never sent. */
    public ToolCallException(String message, Throwable cause) {
        this(message, null, cause);
    }

    /**
     * A tool error caused by {@code cause}, with no message of the tool's own: the caller sees the generic
     * {@code Tool 'name' failed}, never the cause's message.
     */
    public ToolCallException(Throwable cause) {
        this(null, null, cause);
    }

    /** For subclasses that carry data of their own. */
    protected ToolCallException(String message, Object data, Throwable cause) {
        super(message, cause);
        this.data = data instanceof Throwable ? null : data;
    }

    /**
     * A tool error with a message and structured detail for the caller, serialized with JSON-B.
     *
     * <pre>{@code
     * throw ToolCallException.withData("over quota", new Quota(used, limit));
     * }</pre>
     */
    public static ToolCallException withData(String message, Object data) {
        return new ToolCallException(message, data, null);
    }

    /** The same, with the cause that is logged and never sent. */
    public static ToolCallException withData(String message, Object data, Throwable cause) {
        return new ToolCallException(message, data, cause);
    }

    /** Structured detail for the caller, or {@code null}. */
    public Object data() {
        return data;
    }
}
