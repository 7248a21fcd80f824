package org.statelessmcp.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JsonRpcParserTest {

    private final JsonRpcParser parser = new JsonRpcParser(16, 3);

    private ParsedBody parse(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return parser.parse(bytes, bytes.length);
    }

    private JsonRpcRequest request(String text) {
        return assertInstanceOf(JsonRpcRequest.class, ((ParsedBody.Single) parse(text)).message());
    }

    private JsonRpcError invalid(String text) {
        return assertInstanceOf(JsonRpcMessage.Invalid.class, ((ParsedBody.Single) parse(text)).message()).error();
    }

    private JsonRpcError unusable(String text) {
        return assertInstanceOf(ParsedBody.Unusable.class, parse(text)).error();
    }

    @Test
    void requestWithNamedParamsKeepsIdMethodAndParams() {
        JsonRpcRequest request = request("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"add\",\"params\":{\"a\":1}}");
        assertEquals("7", request.id().toString());
        assertEquals("add", request.method());
        assertEquals(JsonValue.ValueType.OBJECT, request.params().getValueType());
    }

    @Test
    void requestWithoutIdIsANotification() {
        assertTrue(request("{\"jsonrpc\":\"2.0\",\"method\":\"add\"}").isNotification());
    }

    @Test
    void nullIdIsARequestNotANotification() {
        JsonRpcRequest request = request("{\"jsonrpc\":\"2.0\",\"id\":null,\"method\":\"add\"}");
        assertEquals(JsonValue.NULL, request.id());
    }

    @Test
    void absentParamsAreNull() {
        assertNull(request("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"x\"}").params());
    }

    @Test
    void integerWrittenWithAnExponentIsAValidId() {
        request("{\"jsonrpc\":\"2.0\",\"id\":1E3,\"method\":\"x\"}");
    }

    @Test
    void fractionalIdIsInvalid() {
        assertEquals(JsonRpcError.INVALID_REQUEST, invalid("{\"jsonrpc\":\"2.0\",\"id\":1.5,\"method\":\"x\"}").code());
    }

    @Test
    void booleanIdIsInvalid() {
        assertEquals(JsonRpcError.INVALID_REQUEST,
                invalid("{\"jsonrpc\":\"2.0\",\"id\":true,\"method\":\"x\"}").code());
    }

    @Test
    void invalidRequestKeepsAValidIdForItsAnswer() {
        var message = (JsonRpcMessage.Invalid) ((ParsedBody.Single) parse("{\"jsonrpc\":\"2.0\",\"id\":\"k\"}"))
                .message();
        assertEquals("\"k\"", message.id().toString());
    }

    @Test
    void missingMethodIsInvalid() {
        assertEquals(JsonRpcError.INVALID_REQUEST, invalid("{\"jsonrpc\":\"2.0\",\"id\":1}").code());
    }

    @Test
    void scalarBodyIsAnInvalidRequest() {
        assertEquals(JsonRpcError.INVALID_REQUEST, invalid("42").code());
    }

    @Test
    void stringParamsAreInvalid() {
        assertEquals(JsonRpcError.INVALID_REQUEST,
                invalid("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"x\",\"params\":\"a\"}").code());
    }

    @Test
    void truncatedJsonIsAParseError() {
        assertEquals(JsonRpcError.PARSE_ERROR, unusable("{\"jsonrpc\":").code());
    }

    @Test
    void emptyBodyIsAParseError() {
        assertEquals(JsonRpcError.PARSE_ERROR, unusable("").code());
    }

    @Test
    void nanIsAParseError() {
        assertEquals(JsonRpcError.PARSE_ERROR, unusable("{\"a\":NaN}").code());
    }

    @Test
    void secondValueAfterTheFirstIsAParseError() {
        assertEquals(JsonRpcError.PARSE_ERROR, unusable("{} {}").code());
    }

    @Test
    void invalidUtf8IsAParseError() {
        byte[] bytes = {'{', '"', (byte) 0xC3, '"', ':', '1', '}'};
        assertEquals(JsonRpcError.PARSE_ERROR,
                assertInstanceOf(ParsedBody.Unusable.class, parser.parse(bytes, bytes.length)).error().code());
    }

    @Test
    void nestingPastTheLimitIsAParseErrorBeforeParsing() {
        JsonRpcError error = unusable("[".repeat(17) + "]".repeat(17));
        assertEquals(JsonRpcError.PARSE_ERROR, error.code());
        assertTrue(error.message().contains("16"), error.message());
    }

    @Test
    void bracketsInsideStringsDoNotCountAsNesting() {
        request("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + "[".repeat(40) + "\\\"{\"}");
    }

    @Test
    void emptyBatchIsOneInvalidRequest() {
        assertEquals(JsonRpcError.INVALID_REQUEST, unusable("[]").code());
    }

    @Test
    void batchPastTheLimitIsOneInvalidRequest() {
        String call = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"x\"}";
        assertEquals(JsonRpcError.INVALID_REQUEST,
                unusable("[" + call + "," + call + "," + call + "," + call + "]").code());
    }

    @Test
    void batchElementsAreJudgedOneByOne() {
        ParsedBody.Batch batch = assertInstanceOf(ParsedBody.Batch.class,
                parse("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"x\"}, 1]"));
        assertInstanceOf(JsonRpcRequest.class, batch.messages().get(0));
        assertInstanceOf(JsonRpcMessage.Invalid.class, batch.messages().get(1));
    }

    @Test
    void aStringLongerThanTheLimitMakesTheBodyUnusable() {
        JsonRpcParser limited = new JsonRpcParser(16, 3, 10, 1000, 64, Set.of("tools/call", "prompts/get"));
        String ok = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"echo\",\"params\":{\"m\":\"0123456789\"}}";
        assertInstanceOf(ParsedBody.Single.class, limited.parse(ok));
        ParsedBody tooLong = limited.parse(ok.replace("0123456789", "0123456789a"));
        JsonRpcError error = assertInstanceOf(ParsedBody.Unusable.class, tooLong).error();
        assertEquals(JsonRpcError.INVALID_REQUEST, error.code());
        assertTrue(error.message().contains("longer than 10"), error.message());
    }

    @Test
    void aLongMemberNameCountsToo() {
        JsonRpcParser limited = new JsonRpcParser(16, 3, 10, 1000, 64, Set.of("tools/call", "prompts/get"));
        ParsedBody body = limited.parse("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"e\",\"params\":{\""
                + "n".repeat(11) + "\":1}}");
        assertInstanceOf(ParsedBody.Unusable.class, body);
    }

    @Test
    void moreArgumentsThanTheLimitAreInvalidParamsWithTheRequestsId() {
        JsonRpcParser limited = new JsonRpcParser(16, 3, 1000, 1000, 2, Set.of("tools/call", "prompts/get"));
        JsonRpcMessage.Invalid seed = assertInstanceOf(JsonRpcMessage.Invalid.class, ((ParsedBody.Single) limited.parse(
                "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"add\",\"params\":{\"a\":1,\"b\":2,\"c\":3}}")).message());
        assertEquals(JsonRpcError.INVALID_PARAMS, seed.error().code());
        assertEquals(4, ((jakarta.json.JsonNumber) seed.id()).intValue());
        JsonRpcMessage mcp = ((ParsedBody.Single) limited.parse("{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":"
                + "\"tools/call\",\"params\":{\"name\":\"add\",\"arguments\":{\"a\":1,\"b\":2,\"c\":3}}}")).message();
        assertEquals(JsonRpcError.INVALID_PARAMS, assertInstanceOf(JsonRpcMessage.Invalid.class, mcp).error().code());
    }

    @Test
    void argumentsUpToTheLimitPass() {
        JsonRpcParser limited = new JsonRpcParser(16, 3, 1000, 1000, 2, Set.of("tools/call", "prompts/get"));
        assertInstanceOf(JsonRpcRequest.class, ((ParsedBody.Single) limited.parse("{\"jsonrpc\":\"2.0\",\"id\":5,"
                + "\"method\":\"tools/call\",\"params\":{\"name\":\"add\",\"_meta\":{},\"arguments\":{\"a\":1,\"b\":2}}}"))
                        .message());
    }

    private static JsonRpcError unusableWith(JsonRpcParser parser, String number) {
        return assertInstanceOf(ParsedBody.Unusable.class, parser.parse(
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"add\",\"params\":{\"a\":" + number + "}}")).error();
    }

    private static JsonRpcMessage parsedWith(JsonRpcParser parser, String number) {
        return ((ParsedBody.Single) parser.parse(
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"add\",\"params\":{\"a\":" + number + "}}")).message();
    }

    @Test
    void aNumberLongerThanTheLimitMakesTheBodyUnusable() {
        JsonRpcParser limited = new JsonRpcParser(16, 3, 1000, 10, 64, Set.of());
        assertInstanceOf(JsonRpcRequest.class, parsedWith(limited, "-1234.5678"));
        JsonRpcError error = unusableWith(limited, "-1234.56789");
        assertEquals(JsonRpcError.INVALID_REQUEST, error.code());
        assertTrue(error.message().contains("a number is longer than 10 characters"), error.message());
    }

    @Test
    void aNumbersExponentAboveTheLimitMakesTheBodyUnusableWhateverItsSign() {
        JsonRpcParser limited = new JsonRpcParser(16, 3, 1000, 10, 64, Set.of());
        assertInstanceOf(JsonRpcRequest.class, parsedWith(limited, "1e10"));
        assertInstanceOf(JsonRpcRequest.class, parsedWith(limited, "1E-0000010"));
        for (String number : List.of("1e11", "1E+11", "-2.5e-11", "1e99999999")) {
            JsonRpcError error = unusableWith(limited, number);
            assertEquals(JsonRpcError.INVALID_REQUEST, error.code(), number);
            assertTrue(error.message().contains("exponent is larger than 10"), error.message());
        }
        // an exponent past int's range is read as large, not wrapped round to a small one
        JsonRpcParser longer = new JsonRpcParser(16, 3, 1000, 30, 64, Set.of());
        assertTrue(unusableWith(longer, "1e99999999999999999999").message().contains("exponent"));
    }

    @Test
    void numbersInsideStringsAreOnlyText() {
        JsonRpcParser limited = new JsonRpcParser(16, 3, 1000, 10, 64, Set.of());
        assertInstanceOf(JsonRpcRequest.class, parsedWith(limited, "\"1e99999999 and 12345678901234567890\""));
    }

    @Test
    void theJsonParserIsToldTheLimitSoThatNumbersWithinItParse() {
        // Parsson refuses numbers over 1,100 characters unless told otherwise
        JsonRpcParser generous = new JsonRpcParser(16, 3, 1000, 3000, 64, Set.of());
        assertInstanceOf(JsonRpcRequest.class, parsedWith(generous, "7".repeat(2000)));
    }
}
