package org.statelessmcp.api;

/**
 * A failure the tool declares on purpose: its message is meant for the caller.
 *
 * <p>The server answers JSON-RPC error {@code -32000} with this exception's message (and {@link #data()} when
 * given). Any other exception escaping a tool is answered with a generic message, so internal details never
 * reach the client; it is logged with the request id.
 *
 * <pre>{@code
 * @Tool
 * public Account account(String id) {
 *     return accounts.find(id).orElseThrow(() -> new ToolCallException("no account " + id));
 * }
 * }</pre>
 */
public class ToolCallException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Object data;

    /** A tool error with a message for the caller. */
    public ToolCallException(String message) {
        this(message, null, null);
    }

    /** A tool error with a message and structured detail (serialized with JSON-B into the error's {@code data}). */
    public ToolCallException(String message, Object data) {
        this(message, data, null);
    }

    /** A tool error with a message, structured detail and the cause (the cause is logged, never sent). */
    public ToolCallException(String message, Object data, Throwable cause) {
        super(message, cause);
        this.data = data;
    }

    /** Structured detail for the caller, or {@code null}. */
    public Object data() {
        return data;
    }
}
