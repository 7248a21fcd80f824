package org.statelessmcp.protocol;

import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a request body into JSON-RPC 2.0 messages (specification §4–§6), enforcing the limits on nesting, batches,
 * strings, numbers and arguments.
 * Thread-safe; create one and share it.
 */
public final class JsonRpcParser {

    private final JsonParserFactory parsers;
    private final int maxDepth;
    private final int maxBatchSize;
    private final int maxStringLength;
    private final int maxNumberLength;
    private final int maxArguments;
    private final Set<String> argumentsMethods;

    /**
     * @param maxDepth the deepest nesting of arrays and objects accepted, the outermost one counting as 1
     * @param maxBatchSize the most elements a batch may have
     */
    public JsonRpcParser(int maxDepth, int maxBatchSize) {
        this(maxDepth, maxBatchSize, Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE, Set.of());
    }

    /**
     * @param maxStringLength the most characters a string (a member name included) may have, as written
     * @param maxNumberLength the most characters a number may have, as written, and the largest exponent it may
     *                        carry, so that no number stands for more than about twice as many digits
     * @param maxArguments the most arguments one call may pass: members of a tool call's {@code params} (plain
     *                     JSON-RPC) or of {@code params.arguments} for the methods named next
     * @param argumentsMethods the methods whose arguments are {@code params.arguments} (MCP's {@code tools/call}
     *                         and {@code prompts/get}): the dialect above names them, this layer knows no method
     */
    public JsonRpcParser(int maxDepth, int maxBatchSize, int maxStringLength, int maxNumberLength, int maxArguments,
                         Set<String> argumentsMethods) {
        // Parsson refuses longer numbers itself (1,100 characters unless told): told ours, it refuses none we accept
        this.parsers = JsonProvider.provider().createParserFactory(
                Map.of("org.eclipse.parsson.maxBigDecimalLength", maxNumberLength));
        this.maxDepth = maxDepth;
        this.maxBatchSize = maxBatchSize;
        this.maxStringLength = maxStringLength;
        this.maxNumberLength = maxNumberLength;
        this.maxArguments = maxArguments;
        this.argumentsMethods = Set.copyOf(argumentsMethods);
    }

    /** Parses {@code length} bytes of {@code body}, which must be UTF-8. */
    public ParsedBody parse(byte[] body, int length) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body, 0, length))
                    .toString();
        } catch (CharacterCodingException e) {
            return new ParsedBody.Unusable(JsonRpcError.parseError("the body is not valid UTF-8"));
        }
        return parse(text);
    }

    /** Parses a body already decoded to text. */
    public ParsedBody parse(String text) {
        JsonShape shape = JsonShape.of(text);
        if (shape.depth() > maxDepth) {
            return new ParsedBody.Unusable(JsonRpcError.parseError("JSON nesting deeper than " + maxDepth));
        }
        if (shape.longestString() > maxStringLength) {
            return new ParsedBody.Unusable(JsonRpcError.invalidRequest("a string is longer than " + maxStringLength
                    + " characters"));
        }
        if (shape.longestNumber() > maxNumberLength) {
            return new ParsedBody.Unusable(JsonRpcError.invalidRequest("a number is longer than " + maxNumberLength
                    + " characters"));
        }
        if (shape.largestExponent() > maxNumberLength) {
            return new ParsedBody.Unusable(JsonRpcError.invalidRequest("a number's exponent is larger than "
                    + maxNumberLength));
        }
        JsonValue root;
        try (JsonParser parser = parsers.createParser(new StringReader(text))) {
            if (!parser.hasNext()) {
                return new ParsedBody.Unusable(JsonRpcError.parseError("the body is empty"));
            }
            parser.next();
            root = parser.getValue();
            if (parser.hasNext()) {
                return new ParsedBody.Unusable(JsonRpcError.parseError("unexpected content after the JSON value"));
            }
        } catch (JsonException | IllegalStateException | java.util.NoSuchElementException e) {
            return new ParsedBody.Unusable(JsonRpcError.parseError("the body is not valid JSON"));
        } catch (UnsupportedOperationException e) {
            // a JSON-P implementation's own limit on numbers, lower than ours
            return new ParsedBody.Unusable(JsonRpcError.invalidRequest("a number is longer than the server's JSON"
                    + " parser accepts"));
        }
        if (root instanceof JsonArray batch) {
            if (batch.isEmpty()) {
                return new ParsedBody.Unusable(JsonRpcError.invalidRequest("empty batch"));
            }
            if (batch.size() > maxBatchSize) {
                return new ParsedBody.Unusable(JsonRpcError.invalidRequest(
                        "batch of " + batch.size() + " exceeds the limit of " + maxBatchSize));
            }
            List<JsonRpcMessage> messages = new ArrayList<>(batch.size());
            for (JsonValue element : batch) {
                messages.add(withinArguments(message(element)));
            }
            return new ParsedBody.Batch(messages);
        }
        return new ParsedBody.Single(withinArguments(message(root)));
    }

    /** Refuses a call passing more arguments than allowed, before any of them is bound. */
    private JsonRpcMessage withinArguments(JsonRpcMessage message) {
        if (!(message instanceof JsonRpcRequest call) || call.params() == null) {
            return message;
        }
        JsonValue arguments = call.params();
        if (argumentsMethods.contains(call.method()) && arguments instanceof JsonObject params) {
            arguments = params.get("arguments");
        }
        int count = arguments instanceof JsonObject object ? object.size()
                : arguments instanceof JsonArray array ? array.size() : 0;
        if (count <= maxArguments) {
            return message;
        }
        return new JsonRpcMessage.Invalid(call.id() == null ? JsonValue.NULL : call.id(), JsonRpcError.invalidParams(
                count + " arguments exceed the limit of " + maxArguments));
    }

    /** Validates one request object. */
    static JsonRpcMessage message(JsonValue value) {
        if (!(value instanceof JsonObject object)) {
            return invalid(JsonValue.NULL, "a request must be a JSON object");
        }
        JsonValue id = object.get("id");
        boolean idValid = id == null || isValidId(id);
        JsonValue answerId = id != null && idValid ? id : JsonValue.NULL;
        if (!idValid) {
            return invalid(JsonValue.NULL, "'id' must be a string, an integer or null");
        }
        JsonValue version = object.get("jsonrpc");
        if (!(version instanceof JsonString v) || !"2.0".equals(v.getString())) {
            return invalid(answerId, "'jsonrpc' must be \"2.0\"");
        }
        JsonValue method = object.get("method");
        if (method == null && id != null && (object.containsKey("result") ^ object.containsKey("error"))) {
            return new JsonRpcMessage.Response(id, object);
        }
        if (!(method instanceof JsonString m)) {
            return invalid(answerId, "'method' must be a string");
        }
        JsonValue params = object.get("params");
        if (params != null && params.getValueType() != JsonValue.ValueType.OBJECT
                && params.getValueType() != JsonValue.ValueType.ARRAY) {
            return invalid(answerId, "'params' must be an object or an array");
        }
        return new JsonRpcRequest(id, m.getString(), params);
    }

    private static boolean isValidId(JsonValue id) {
        return switch (id.getValueType()) {
            case STRING, NULL -> true;
            case NUMBER -> ((JsonNumber) id).bigDecimalValue().scale() <= 0;
            default -> false;
        };
    }

    private static JsonRpcMessage invalid(JsonValue id, String detail) {
        return new JsonRpcMessage.Invalid(id, JsonRpcError.invalidRequest(detail));
    }
}
