package org.statelessmcp.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.bind.JsonbBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.statelessmcp.api.ToolArg;

public class FormModelTest {

    public enum Size { SMALL, LARGE }

    public record Order(@ToolArg(description = "How many") int quantity, Size size, String note) {
    }

    public record Nested(Order order) {
    }

    public record Listed(List<String> names) {
    }

    @Test
    void aFlatRecordIsAnElicitationSchema() {
        var schema = FormModel.of(Order.class).schema();
        assertEquals("object", schema.getString("type"));
        assertEquals("integer", schema.getJsonObject("properties").getJsonObject("quantity").getString("type"));
        assertEquals("How many", schema.getJsonObject("properties").getJsonObject("quantity").getString("description"));
        assertEquals("string", schema.getJsonObject("properties").getJsonObject("size").getString("type"));
        assertEquals(3, schema.getJsonArray("required").size());
        assertTrue(!schema.containsKey("additionalProperties"), "elicitation schemas have no additionalProperties");
    }

    @Test
    void theAnswerIsBoundIntoTheRecord() {
        Order order = FormModel.of(Order.class).bind(Json.createObjectBuilder().add("quantity", 2).add("size", "LARGE")
                .add("note", "by noon").build(), JsonbBuilder.create());
        assertEquals(new Order(2, Size.LARGE, "by noon"), order);
    }

    @Test
    void anAnswerThatDoesNotFitIsRefusedNamingTheField() {
        InvalidArgumentException refused = assertThrows(InvalidArgumentException.class, () -> FormModel.of(Order.class)
                .bind(Json.createObjectBuilder().add("quantity", "two").add("size", "LARGE").add("note", "")
                        .build(), JsonbBuilder.create()));
        assertTrue(refused.getMessage().contains("quantity"), refused.getMessage());
    }

    @Test
    void nestedOrListFieldsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> FormModel.of(Nested.class));
        assertThrows(IllegalArgumentException.class, () -> FormModel.of(Listed.class));
        assertThrows(IllegalArgumentException.class, () -> FormModel.of(String.class));
    }
}
