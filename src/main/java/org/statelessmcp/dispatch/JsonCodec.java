package org.statelessmcp.dispatch;

import org.statelessmcp.protocol.JsonP;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;
import org.statelessmcp.api.Content;
import org.statelessmcp.api.ToolResponse;
import org.statelessmcp.protocol.ContentJson;
import jakarta.json.bind.Jsonb;
import java.math.BigDecimal;
import java.math.BigInteger;
import org.statelessmcp.protocol.JsonStrings;

/** Serializes what tools return or emit. Scalars are written directly; everything else goes through JSON-B. */
public final class JsonCodec {

    private final Jsonb jsonb;

    public JsonCodec(Jsonb jsonb) {
        this.jsonb = jsonb;
    }

    /** The JSON-B instance that binds structured arguments and serializes results. */
    public Jsonb jsonb() {
        return jsonb;
    }

    /** A {@link ToolResponse} as MCP's {@code CallToolResult}. */
    public String callToolResult(ToolResponse response) {
        StringBuilder json = new StringBuilder("{\"content\":")
                .append(ContentJson.of(response.content()).build());
        if (response.structuredContent() != null) {
            json.append(",\"structuredContent\":").append(toJson(response.structuredContent()));
        }
        if (response.isError()) {
            json.append(",\"isError\":true");
        }
        return json.append('}').toString();
    }

    @SuppressWarnings("unchecked")
    private static List<Content> contentList(Object value) {
        return (List<Content>) value;
    }

    /** {@code value} as a JSON-P tree. */
    public JsonValue toJsonValue(Object value) {
        if (value instanceof JsonValue json) {
            return json;
        }
        try (JsonReader reader = JsonP.createReader(new StringReader(toJson(value)))) {
            return reader.readValue();
        }
    }

    /**
     * @throws IllegalArgumentException when the value has no JSON form (NaN, infinity, or JSON-B refuses it)
     */
    public String toJson(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof JsonValue json) {
            return json.toString();
        }
        if (value instanceof String text) {
            return JsonStrings.quote(text);
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte
                || value instanceof BigInteger || value instanceof BigDecimal) {
            return value.toString();
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new IllegalArgumentException("NaN and infinite numbers have no JSON form");
            }
            return value.toString();
        }
        if (value instanceof Boolean) {
            return value.toString();
        }
        if (value instanceof Content content) {
            return ContentJson.of(content).toString();
        }
        if (value instanceof ToolResponse response) {
            return callToolResult(response);
        }
        if (ContentJson.isContentList(value)) {
            return ContentJson.of(contentList(value)).build().toString();
        }
        try {
            return jsonb.toJson(value);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("JSON-B cannot serialize a " + value.getClass().getName(), e);
        }
    }
}
