package org.statelessmcp.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

class JsonRpcWriterTest {

    @Test
    void resultEchoesAStringId() {
        assertEquals("{\"jsonrpc\":\"2.0\",\"result\":{\"x\":1},\"id\":\"a\\\"b\"}",
                JsonRpcWriter.result(Json.createValue("a\"b"), "{\"x\":1}"));
    }

    @Test
    void errorWithoutDataOmitsIt() {
        assertEquals("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32603,\"message\":\"Internal error\"},\"id\":null}",
                JsonRpcWriter.error(JsonValue.NULL, JsonRpcError.internalError()));
    }

    @Test
    void errorMessagesAreEscaped() {
        String text = JsonRpcWriter.error(Json.createValue(1),
                JsonRpcError.toolFailed("line\nbreak \u0001 \u2028", null));
        assertEquals(
                "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32000,\"message\":\"line\\nbreak \\u0001 \\u2028\"},\"id\":1}",
                text);
    }

    @Test
    void methodNotFoundCarriesTheMethodInData() {
        assertEquals("{\"method\":\"nope\"}", JsonRpcError.methodNotFound("nope").data().toString());
    }

    @Test
    void timeoutCarriesTheToolAndTheTimeoutInData() {
        JsonRpcError error = JsonRpcError.timeout("slow", 5);
        assertEquals(JsonRpcError.TOOL_TIMEOUT, error.code());
        assertEquals("{\"tool\":\"slow\",\"timeout\":5}", error.data().toString());
    }
}
