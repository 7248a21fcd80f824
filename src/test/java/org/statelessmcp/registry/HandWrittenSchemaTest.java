package org.statelessmcp.registry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.InputStream;
import java.io.StringReader;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.statelessmcp.api.Tool;
import org.statelessmcp.api.ToolArg;
import org.statelessmcp.dispatch.ArgumentBinder;
import org.statelessmcp.schema.JsonSchema;

/** {@code @Tool(inputSchema)}: checked at deployment, served as written, and the arguments of a call checked by it. */
public class HandWrittenSchemaTest {

    private final Jsonb jsonb = JsonbBuilder.create();
    private final ToolFactory factory = new ToolFactory(30, 300, jsonb);

    @SuppressWarnings("unused")
    public static class Tools {
        @Tool(inputSchema = "contact.schema.json")
        public String contact(String name, String phone, String email, JsonObject address) {
            return name;
        }

        @Tool(inputSchema = "/org/statelessmcp/registry/contact.schema.json")
        public String fromTheRoot(String email, @ToolArg(defaultValue = "Anonymous") String name) {
            return email;
        }

        @Tool(inputSchema = """
                {"type": "object", "properties": {"count": {"type": "integer", "minimum": 1}}, "required": ["count"]}
                """)
        public int inline(int count) {
            return count;
        }

        @Tool(inputSchema = "missing.json")
        public String missing() {
            return "";
        }

        @Tool(inputSchema = "{\"type\": \"object\", ")
        public String broken() {
            return "";
        }

        @Tool(inputSchema = "{\"type\": \"string\", \"$ref\": \"https://example.org/s.json\"}")
        public String notAnObject() {
            return "";
        }

        @Tool(inputSchema = "{\"type\": \"object\", \"properties\": {\"a\": {\"type\": \"string\"}}}")
        public String strayParameter(String a, String b, @ToolArg(description = "said twice") String c) {
            return "";
        }

        @Tool(inputSchema = "{\"type\": \"object\", \"properties\": {\"r\": {\"type\": \"array\","
                + " \"x-mcp-header\": \"Region\"}}}")
        public String badHeader(List<String> r) {
            return "";
        }
    }

    private RegisteredTool create(String name) {
        Method method = Arrays.stream(Tools.class.getDeclaredMethods())
                .filter(m -> m.getName().equals(name)).findFirst().orElseThrow();
        ToolArg[] args = Arrays.stream(method.getParameters())
                .map(p -> p.getAnnotation(ToolArg.class)).toArray(ToolArg[]::new);
        return factory.create(null, method, method.getAnnotation(Tool.class), args);
    }

    private String problem(String method) {
        return assertThrows(InvalidDefinitionException.class, () -> create(method)).getMessage();
    }

    private static JsonValue json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readValue();
        }
    }

    private Object[] bind(String tool, String arguments) {
        return ArgumentBinder.bind(create(tool).descriptor(), json(arguments), p -> null, jsonb);
    }

    @Test
    void aResourceBesideTheClassIsServedAsWrittenEveryKeywordKept() throws Exception {
        JsonObject written;
        try (InputStream in = Tools.class.getResourceAsStream("contact.schema.json")) {
            written = Json.createReader(in).readObject();
        }
        assertEquals(written, create("contact").descriptor().inputSchema());
        assertEquals(written, create("fromTheRoot").descriptor().inputSchema());
        assertEquals(List.of("$schema", "type", "$defs", "properties", "allOf", "if", "then", "else",
                "additionalProperties"), List.copyOf(create("contact").descriptor().inputSchema().keySet()));
    }

    @Test
    void validArgumentsBindByNameAndAbsentOnesAreNullOrTheirDefault() {
        assertArrayEquals(new Object[] {"Ada", "1", null, Json.createObjectBuilder().add("city", "Oslo").build()},
                bind("contact", "{\"name\":\"Ada\",\"contactMethod\":\"phone\",\"phone\":\"1\","
                        + "\"address\":{\"city\":\"Oslo\"}}"));
        assertArrayEquals(new Object[] {"a@b", "Anonymous"}, bind("fromTheRoot", "{\"email\":\"a@b\"}"));
        assertArrayEquals(new Object[] {3}, bind("inline", "{\"count\":3}"));
    }

    @Test
    void argumentsTheSchemaRefusesNeverReachTheTool() {
        assertEquals("the arguments must match one of anyOf's schemas: missing required argument 'phone'"
                + " | missing required argument 'email'; missing required argument 'email' (if/else)",
                assertThrows(InvalidArgumentException.class, () -> bind("contact", "{\"name\":\"Ada\"}"))
                        .getMessage());
        assertEquals("missing required argument 'phone' (if/then)", assertThrows(InvalidArgumentException.class,
                () -> bind("contact", "{\"contactMethod\":\"phone\",\"email\":\"a@b\"}")).getMessage());
        assertEquals("unknown argument 'nickname'", assertThrows(InvalidArgumentException.class,
                () -> bind("contact", "{\"email\":\"a@b\",\"nickname\":\"A\"}")).getMessage());
        assertEquals("'count' must be at least 1, got the number 0", assertThrows(InvalidArgumentException.class,
                () -> bind("inline", "{\"count\":0}")).getMessage());
        assertEquals("missing required argument 'count'", assertThrows(InvalidArgumentException.class,
                () -> ArgumentBinder.bind(create("inline").descriptor(), null, p -> null, jsonb)).getMessage());
        assertEquals("'inline' takes named arguments only: its input schema describes an object",
                assertThrows(InvalidArgumentException.class, () -> bind("inline", "[3]")).getMessage());
    }

    @Test
    void aSchemaThatCannotBeReadOrUsedFailsTheDeploymentNamingTheMethod() {
        assertTrue(problem("missing").startsWith("Invalid @Tool method " + Tools.class.getName() + "#missing: "
                + "inputSchema 'missing.json' is not a resource on the classpath"), problem("missing"));
        assertTrue(problem("broken").contains("#broken: inputSchema is not JSON"), problem("broken"));
        assertTrue(problem("notAnObject").contains("inputSchema must declare \"type\": \"object\"; inputSchema at "
                + "#/$ref: 'https://example.org/s.json' is not a reference within this schema"),
                problem("notAnObject"));
    }

    @Test
    void everyParameterMustBeAPropertyAndDescriptionsBelongInTheSchema() {
        String problem = problem("strayParameter");
        assertTrue(problem.contains("@ToolArg description and header are ignored with a hand-written inputSchema"),
                problem);
        assertTrue(problem.contains("parameter 'b' is not one of the inputSchema's properties [a]"), problem);
        assertTrue(problem.contains("parameter 'c' is not one of"), problem);
        assertTrue(problem("badHeader").contains("parameter 'r' is mirrored into header 'Region' but is not a"
                + " string, integer or boolean"), problem("badHeader"));
    }

    public record Item(String name, Optional<Integer> count, Set<BigDecimal> prices, Map<String, List<Long>> tags,
                       Thread.State state, JsonValue extra) {
    }

    @Test
    void derivedSchemasDeclareJsonSchema2020_12AndAreWellFormedInIt() throws Exception {
        JsonObject item = TypeModels.of(Item[].class).schema();
        JsonSchema.of(Json.createObjectBuilder().add("type", "object").add("properties",
                Json.createObjectBuilder().add("items", item)).build());
        int tools = 0;
        int outputs = 0;
        for (Method method : ToolFactoryTest.Tools.class.getDeclaredMethods()) {
            ToolArg[] args = Arrays.stream(method.getParameters())
                    .map(p -> p.getAnnotation(ToolArg.class)).toArray(ToolArg[]::new);
            ToolDescriptor tool;
            try {
                tool = factory.create(null, method, method.getAnnotation(Tool.class), args).descriptor();
            } catch (InvalidDefinitionException e) {
                continue; // the tools ToolFactoryTest shows refused
            }
            tools++;
            assertEquals(JsonSchema.DIALECT, tool.inputSchema().getString("$schema"), tool.inputSchema().toString());
            if (tool.outputSchema() != null) {
                assertEquals(JsonSchema.DIALECT, tool.outputSchema().getString("$schema"));
                JsonSchema.of(tool.outputSchema());
                outputs++;
            }
            assertEquals(List.of(), JsonSchema.of(tool.inputSchema()).errors(JsonValue.EMPTY_JSON_OBJECT).stream()
                    .filter(e -> e.startsWith("unknown")).toList());
        }
        assertTrue(tools > 5, "derived " + tools);
        assertTrue(outputs > 0, "derived output schemas " + outputs);
    }
}
