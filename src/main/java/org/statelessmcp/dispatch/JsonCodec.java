package org.statelessmcp.dispatch;

import jakarta.json.Json;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
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

    /** {@code value} as a JSON-P tree. */
    public JsonValue toJsonValue(Object value) {
        if (value instanceof JsonValue json) {
            return json;
        }
        try (JsonReader reader = Json.createReader(new StringReader(toJson(value)))) {
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
        try {
            return jsonb.toJson(value);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("JSON-B cannot serialize a " + value.getClass().getName(), e);
        }
    }
}
