package org.statelessmcp.dispatch;

import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.serializer.JsonbSerializer;
import jakarta.json.bind.serializer.SerializationContext;
import jakarta.json.stream.JsonGenerator;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.statelessmcp.api.Content;
import org.statelessmcp.api.ToolResponse;
import org.statelessmcp.protocol.JsonP;
import org.statelessmcp.protocol.JsonStrings;

/**
 * Serializes what tools return or emit. Scalars, and records of scalars that JSON-B would write by its defaults alone
 * ({@link ScalarRecords}), are written directly; everything else goes through JSON-B, which
 * never writes a {@code Throwable}: one anywhere in a value (a cause in an error's data, an exception field of a
 * record) is written as {@code null} and logged, so that no message, class name or stack frame reaches a client.
 */
public final class JsonCodec {

    private final Jsonb jsonb;
    private final ScalarRecords records = new ScalarRecords();

    private JsonCodec(Jsonb jsonb) {
        this.jsonb = jsonb;
    }

    /** A codec with its own JSON-B instance; close {@link #jsonb()} when done. */
    public static JsonCodec create() {
        return new JsonCodec(JsonbBuilder.create(new JsonbConfig().withSerializers(new ThrowableAsNull())));
    }

    /** Writes {@code null} for a {@code Throwable}: JSON-B would write its message, class names and stack. */
    private static final class ThrowableAsNull implements JsonbSerializer<Throwable> {

        private static final Logger LOG = Logger.getLogger("org.statelessmcp.tools");

        @Override
        public void serialize(Throwable value, JsonGenerator generator, SerializationContext context) {
            LOG.log(Level.WARNING, value, () -> "A tool's answer held a " + value.getClass().getName()
                    + "; it was sent as null");
            generator.writeNull();
        }
    }

    /** The JSON-B instance that binds structured arguments and serializes results. */
    public Jsonb jsonb() {
        return jsonb;
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
            return ToolResultJson.of(response, this);
        }
        if (ContentJson.isContentList(value)) {
            return ContentJson.of(contentList(value)).build().toString();
        }
        String record = records.toJson(value);
        if (record != null) {
            return record;
        }
        try {
            return jsonb.toJson(value);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("JSON-B cannot serialize a " + value.getClass().getName(), e);
        }
    }
}
