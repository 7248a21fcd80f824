package org.statelessmcp.protocol;

import jakarta.json.JsonValue;

/**
 * One valid JSON-RPC 2.0 request or notification.
 *
 * @param id the request id exactly as sent (a {@code JsonString}, integral {@code JsonNumber} or
 *     {@link JsonValue#NULL}); Java {@code null} when the member is absent, which makes this a notification
 * @param method the method name
 * @param params the {@code params} member (a {@code JsonObject} or {@code JsonArray}), or {@code null} when absent
 */
public record JsonRpcRequest(JsonValue id, String method, JsonValue params) implements JsonRpcMessage {

    /** A notification gets no response. */
    public boolean isNotification() {
        return id == null;
    }
}
