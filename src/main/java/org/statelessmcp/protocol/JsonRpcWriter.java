package org.statelessmcp.protocol;

import jakarta.json.JsonValue;

/**
 * Writes JSON-RPC 2.0 responses as text. Results arrive already serialized, so a response is one string
 * concatenation and no intermediate tree.
 */
public final class JsonRpcWriter {

    private JsonRpcWriter() {
    }

    /** {@code {"jsonrpc":"2.0","result":<resultJson>,"id":<id>}} */
    public static String result(JsonValue id, String resultJson) {
        return "{\"jsonrpc\":\"2.0\",\"result\":" + resultJson + ",\"id\":" + idText(id) + '}';
    }

    /** {@code {"jsonrpc":"2.0","error":{"code":..,"message":..,"data":..},"id":<id>}} */
    public static String error(JsonValue id, JsonRpcError error) {
        StringBuilder out = new StringBuilder(128)
                .append("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":").append(error.code())
                .append(",\"message\":");
        JsonStrings.quote(error.message(), out);
        if (error.data() != null) {
            out.append(",\"data\":").append(error.data());
        }
        return out.append("},\"id\":").append(idText(id)).append('}').toString();
    }

    private static String idText(JsonValue id) {
        return id == null ? "null" : id.toString();
    }
}
