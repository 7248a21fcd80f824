package org.statelessmcp.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.Json;
import jakarta.json.bind.JsonbBuilder;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonCodecTest {

    private final JsonCodec codec = new JsonCodec(JsonbBuilder.create());

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
}
