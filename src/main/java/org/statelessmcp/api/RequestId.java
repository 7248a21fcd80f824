package org.statelessmcp.api;

/**
 * The JSON-RPC id of the request that called the tool, as the client sent it. Declare it as a parameter; the server
 * supplies it.
 *
 * <pre>{@code
 * @Tool
 * public String audit(String action, RequestId id) {
 *     auditLog.write(id.asString(), action);
 *     return "recorded";
 * }
 * }</pre>
 *
 * @param value a {@code String} or a {@code Number}; {@code null} for a call sent as a notification, which has no id
 */
public record RequestId(Object value) {

    public RequestId {
        if (value != null && !(value instanceof String || value instanceof Number)) {
            throw new IllegalArgumentException("a JSON-RPC id is a string or a number");
        }
    }

    /** The id as text, or {@code null}. */
    public String asString() {
        return value == null ? null : value.toString();
    }

    /** The id as an integer, or {@code null} when it is not one. */
    public Integer asInteger() {
        return value instanceof Number number ? Integer.valueOf(number.intValue()) : null;
    }
}
