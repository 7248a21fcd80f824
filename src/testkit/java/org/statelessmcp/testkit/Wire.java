package org.statelessmcp.testkit;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The pure parts: reading SSE and NDJSON bodies, JSON conversions and comparison, spotting leaked internals. */
final class Wire {

    /** What a response body holds: the messages before the last one, and the last JSON-RPC response (or null). */
    record Parsed(List<JsonValue> before, JsonStructure last) {
    }

    /** What reveals the server's insides: stack frames, exception and JDK / server class names, a stack trace key. */
    static final Pattern INTERNALS = Pattern.compile(
            "\\bat [A-Za-z_$][\\w$]*(\\.[\\w$<>]+)+\\(" // a stack frame: at org.x.Y.method(
                    + "|\\w*Exception\\b"
                    + "|\\bjava\\.[a-z]+\\."
                    + "|\\bjdk\\.internal\\."
                    + "|\\borg\\.statelessmcp\\."
                    + "|\\.java:\\d+"
                    + "|\"stackTrace\"\\s*:");

    private Wire() {
    }

    /** Splits a body by its content type: an SSE stream, NDJSON lines, or one JSON document. */
    static Parsed parse(String contentType, String body) {
        String type = contentType == null ? "" : contentType.toLowerCase(java.util.Locale.ROOT);
        if (type.startsWith("text/event-stream")) {
            return lastIsResponse(sseData(body).stream().map(Wire::tryParse).toList());
        }
        if (type.startsWith("application/x-ndjson")) {
            return lastIsResponse(body.lines().filter(line -> !line.isBlank()).map(Wire::tryParse).toList());
        }
        if (body == null || body.isBlank()) {
            return new Parsed(List.of(), null);
        }
        JsonValue whole = tryParse(body);
        return new Parsed(List.of(), whole instanceof JsonStructure structure ? structure : null);
    }

    /** The {@code data} of each event of an SSE stream (multi-line data joined by {@code \n}), in order. */
    static List<String> sseData(String body) {
        List<String> events = new ArrayList<>();
        StringBuilder data = null;
        for (String line : (body + "\n\n").split("\r\n|\r|\n", -1)) {
            if (line.isEmpty()) {
                if (data != null) {
                    events.add(data.toString());
                }
                data = null;
            } else if (line.startsWith("data")) {
                int colon = line.indexOf(':');
                if (colon != 4 && line.length() != 4) {
                    continue; // another field whose name starts with "data"
                }
                String value = colon < 0 ? "" : line.substring(colon + 1);
                value = value.startsWith(" ") ? value.substring(1) : value;
                data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
            }
            // comments (":…"), event:, id:, retry: carry nothing the tests read
        }
        return events;
    }

    private static Parsed lastIsResponse(List<JsonValue> messages) {
        if (!messages.isEmpty() && messages.get(messages.size() - 1) instanceof JsonObject last && isResponse(last)) {
            return new Parsed(messages.subList(0, messages.size() - 1), last);
        }
        return new Parsed(messages, null);
    }

    /** A JSON-RPC response: an id with a result or an error, and no method. */
    static boolean isResponse(JsonObject message) {
        return message.containsKey("id") && !message.containsKey("method")
                && (message.containsKey("result") || message.containsKey("error"));
    }

    /**
     * The JSON of {@code text}, or the text as a JSON string when it is not JSON, or JSON this JSON-P refuses (Parsson:
     * numbers over 1,100 characters).
     */
    static JsonValue tryParse(String text) {
        try {
            return parse(text);
        } catch (jakarta.json.JsonException | IllegalStateException | UnsupportedOperationException e) {
            return Json.createValue(text);
        }
    }

    static JsonValue parse(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readValue();
        }
    }

    static JsonObject object(String json) {
        JsonValue value = parse(json);
        if (value instanceof JsonObject object) {
            return object;
        }
        throw new IllegalArgumentException("not a JSON object: " + json);
    }

    /** A Java value as JSON: JSON-P values as they are; maps, collections, arrays, strings, numbers, booleans, null. */
    static JsonValue toJson(Object value) {
        if (value == null) {
            return JsonValue.NULL;
        }
        if (value instanceof JsonValue json) {
            return json;
        }
        if (value instanceof String text) {
            return Json.createValue(text);
        }
        if (value instanceof Boolean flag) {
            return flag ? JsonValue.TRUE : JsonValue.FALSE;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return Json.createValue(((Number) value).longValue());
        }
        if (value instanceof java.math.BigInteger big) {
            return Json.createValue(big);
        }
        if (value instanceof java.math.BigDecimal decimal) {
            return Json.createValue(decimal);
        }
        if (value instanceof Number number) {
            return Json.createValue(number.doubleValue());
        }
        if (value instanceof Enum<?> constant) {
            return Json.createValue(constant.name());
        }
        if (value instanceof Map<?, ?> map) {
            var object = Json.createObjectBuilder();
            map.forEach((key, item) -> object.add(String.valueOf(key), toJson(item)));
            return object.build();
        }
        if (value instanceof Collection<?> items) {
            var array = Json.createArrayBuilder();
            items.forEach(item -> array.add(toJson(item)));
            return array.build();
        }
        if (value instanceof Object[] items) {
            return toJson(List.of(items));
        }
        throw new IllegalArgumentException("no JSON form for " + value.getClass().getName() + ": use a JsonValue");
    }

    static JsonObject toObject(Map<String, ?> map) {
        return map == null ? JsonValue.EMPTY_JSON_OBJECT : (JsonObject) toJson(map);
    }

    /** Equal JSON, numbers compared by value ({@code 14} equals {@code 14.0}), member order ignored. */
    static boolean same(JsonValue a, JsonValue b) {
        if (a instanceof JsonNumber x && b instanceof JsonNumber y) {
            return x.bigDecimalValue().compareTo(y.bigDecimalValue()) == 0;
        }
        if (a instanceof JsonObject x && b instanceof JsonObject y) {
            return x.keySet().equals(y.keySet()) && x.keySet().stream().allMatch(key -> same(x.get(key), y.get(key)));
        }
        if (a instanceof JsonArray x && b instanceof JsonArray y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!same(x.get(i), y.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return a != null && a.equals(b);
    }

    /** The first internal detail in {@code text}, or null. */
    static String firstInternal(String text) {
        Matcher matcher = INTERNALS.matcher(text == null ? "" : text);
        return matcher.find() ? matcher.group() : null;
    }

    /** A string member, or null when it is absent or not a string. */
    static String string(JsonObject object, String key) {
        return object != null && object.get(key) instanceof JsonString text ? text.getString() : null;
    }

    /** Headers to send, names case-insensitive, the last value set winning; a null value removes the header. */
    static Map<String, String[]> withHeader(Map<String, String[]> headers, String name, String value) {
        Map<String, String[]> copy = new LinkedHashMap<>(headers);
        copy.put(name.toLowerCase(java.util.Locale.ROOT), new String[] {name, value});
        return copy;
    }
}
