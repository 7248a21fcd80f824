package org.statelessmcp.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.Json;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonCodecTest {

    private final JsonCodec codec = JsonCodec.create();

    public record Pair(String key, int value) {
    }

    @Test
    void scalarsAreWrittenDirectly() {
        assertEquals("null", codec.toJson(null));
        assertEquals("\"a\\\"b\"", codec.toJson("a\"b"));
        assertEquals("42", codec.toJson(42));
        assertEquals("0.1", codec.toJson(new BigDecimal("0.1")));
        assertEquals("true", codec.toJson(true));
    }

    @Test
    void jsonValuesAreWrittenAsTheyAre() {
        assertEquals("{\"a\":[1]}", codec.toJson(Json.createObjectBuilder()
                .add("a", Json.createArrayBuilder().add(1)).build()));
    }

    @Test
    void recordsMapsAndListsGoThroughJsonb() {
        assertEquals("{\"key\":\"k\",\"value\":1}", codec.toJson(new Pair("k", 1)));
        assertEquals("{\"x\":[1,2]}", codec.toJson(Map.of("x", List.of(1, 2))));
    }

    @Test
    void nanHasNoJsonForm() {
        assertThrows(IllegalArgumentException.class, () -> codec.toJson(Double.NaN));
    }

    public record Failure(String what, Object cause) {
    }

    public static class Bean {
        public String name = "b";
        public Exception problem = new IllegalStateException("db password=hunter2");
    }

    @Test
    void aThrowableIsWrittenAsNullAtTheTop() {
        assertEquals("null", codec.toJson(new IllegalStateException("db password=hunter2")));
    }

    @Test
    void aThrowableInAMapOrListIsWrittenAsNull() {
        assertEquals("{\"cause\":null}", codec.toJson(Map.of("cause", new RuntimeException("hunter2"))));
        assertEquals("[1,null]", codec.toJson(List.of(1, new Error("hunter2"))));
    }

    @Test
    void aThrowableInARecordOrBeanIsWrittenAsNull() {
        String record = codec.toJson(new Failure("lookup", new java.io.IOException("hunter2")));
        String bean = codec.toJson(new Bean());
        for (String json : List.of(record, bean)) {
            assertFalse(json.contains("hunter2") || json.contains("Exception") || json.contains("stackTrace"), json);
        }
        assertEquals("{\"cause\":null,\"what\":\"lookup\"}", record);
    }
}
