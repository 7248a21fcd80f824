package org.statelessmcp.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;
import org.statelessmcp.api.Emitter;
import org.statelessmcp.api.Tool;
import org.statelessmcp.api.ToolArg;

public class ToolFactoryTest {

    private final ToolFactory factory = new ToolFactory(30, 300, jakarta.json.bind.JsonbBuilder.create());

    @SuppressWarnings("unused")
    public static class Tools {
        @Tool(description = "adds")
        public int add(int a, @ToolArg(description = "second", defaultValue = "1") int b) {
            return a + b;
        }

        @Tool(name = "renamed", timeout = 5)
        public String original(@ToolArg(name = "text") String message, Optional<String> suffix) {
            return message;
        }

        @Tool(timeout = 900)
        public String patient() {
            return "";
        }

        @Tool(streaming = true)
        public CompletionStage<String> stream(Emitter emitter) {
            return null;
        }

        @Tool(streaming = true)
        public String quiet() {
            return "";
        }

        @Tool
        public String chatty(Emitter emitter) {
            return "";
        }

        @Tool(name = "bad name!")
        public String badName() {
            return "";
        }

        @Tool
        public static String shared() {
            return "";
        }

        @Tool
        String packagePrivate() {
            return "";
        }

        @Tool
        private String hidden() {
            return "";
        }

        @Tool
        public String twice(@ToolArg(name = "x") String a, @ToolArg(name = "x") String b) {
            return a + b;
        }

        @Tool
        public String wrongDefault(@ToolArg(defaultValue = "many") int count) {
            return "";
        }

        @Tool
        public String manyProblems(Object thing, Emitter emitter) {
            return "";
        }

        @Tool
        public String forecast(@ToolArg(header = "Region") String region, @ToolArg(header = "Days") int days,
                               @ToolArg(header = "Metric") boolean metric, double latitude) {
            return "";
        }

        @Tool
        public String badHeaders(@ToolArg(header = "Bad Name") String a, @ToolArg(header = "Ratio") double b,
                                 @ToolArg(header = "Twin") String c, @ToolArg(header = "twin") String d) {
            return "";
        }

        @Tool
        public String headerInARecord(Place place) {
            return "";
        }

        @Tool
        public Reading reading(String station) {
            return new Reading(station, 21.5);
        }
    }

    public record Reading(String station, double celsius) {
    }

    public record Place(@ToolArg(header = "City") String city) {
    }

    private ToolDescriptor describe(String method) {
        return create(method).descriptor();
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

    @Test
    void nameDefaultsToTheMethodName() {
        assertEquals("add", describe("add").name());
    }

    @Test
    void inputSchemaListsArgumentsWithTypesDescriptionsAndDefaults() {
        assertEquals(
                "{\"$schema\":\"https://json-schema.org/draft/2020-12/schema\",\"type\":\"object\",\"properties\":{"
                        + "\"a\":{\"type\":\"integer\",\"minimum\":-2147483648,\"maximum\":2147483647},"
                        + "\"b\":{\"type\":\"integer\",\"minimum\":-2147483648,\"maximum\":2147483647,"
                        + "\"description\":\"second\",\"default\":1}},"
                        + "\"required\":[\"a\"],\"additionalProperties\":false}",
                describe("add").inputSchema().toString());
    }

    @Test
    void defaultValueIsBoundAtDeployment() {
        ParameterSource.Argument b = (ParameterSource.Argument) describe("add").parameters().get(1);
        assertFalse(b.required());
        assertEquals(1, b.defaultValue());
    }

    @Test
    void toolArgNameRenamesTheArgumentAndOptionalMakesItOptional() {
        ToolDescriptor tool = describe("original");
        assertEquals("renamed", tool.name());
        assertEquals("[\"text\"]", tool.inputSchema().getJsonArray("required").toString());
        assertTrue(tool.inputSchema().getJsonObject("properties").containsKey("suffix"));
    }

    @Test
    void declaredTimeoutIsKept() {
        assertEquals(5, describe("original").timeoutSeconds());
    }

    @Test
    void missingTimeoutTakesTheDefault() {
        assertEquals(30, describe("add").timeoutSeconds());
    }

    @Test
    void timeoutIsCappedByTheMaximum() {
        assertEquals(300, describe("patient").timeoutSeconds());
    }

    @Test
    void aRecordResultHasAnOutputSchemaDeclaringItsDialect() {
        assertEquals("{\"$schema\":\"https://json-schema.org/draft/2020-12/schema\",\"type\":\"object\","
                + "\"properties\":{\"station\":{\"type\":\"string\"},\"celsius\":{\"type\":\"number\"}},"
                + "\"required\":[\"station\",\"celsius\"],\"additionalProperties\":false}",
                describe("reading").outputSchema().toString());
    }

    @Test
    void completionStageMakesAToolAsynchronous() {
        ToolDescriptor tool = describe("stream");
        assertTrue(tool.async());
        assertTrue(tool.streaming());
        assertEquals(
                "{\"$schema\":\"https://json-schema.org/draft/2020-12/schema\",\"type\":\"object\",\"properties\":{},"
                        + "\"additionalProperties\":false}",
                tool.inputSchema().toString());
    }

    @Test
    void methodHandleCallsTheToolWithBoxedArguments() throws Throwable {
        RegisteredTool tool = create("add");
        assertEquals(5, (Object) tool.method().invokeExact((Object) new Tools(), new Object[] {2, 3}));
    }

    @Test
    void streamingWithoutAnEmitterIsRefused() {
        assertTrue(problem("quiet").contains("a streaming tool must declare an Emitter parameter"));
    }

    @Test
    void emitterWithoutStreamingIsRefused() {
        assertTrue(problem("chatty").contains("declares an Emitter but is not @Tool(streaming = true)"));
    }

    @Test
    void invalidNameIsRefused() {
        assertTrue(problem("badName").contains("tool name 'bad name!' must match"));
    }

    @Test
    void staticMethodIsRefused() {
        assertTrue(problem("shared").contains("must not be static"));
    }

    @Test
    void privateMethodIsRefused() {
        assertTrue(problem("hidden").contains("must not be private"));
    }

    @Test
    void packagePrivateMethodIsATool() {
        assertEquals("packagePrivate", describe("packagePrivate").name());
    }

    @Test
    void duplicateArgumentNamesAreRefused() {
        assertTrue(problem("twice").contains("two parameters are named 'x'"));
    }

    @Test
    void defaultValueOfTheWrongTypeIsRefused() {
        String problem = problem("wrongDefault");
        assertTrue(problem.contains("parameter 'count' has an invalid defaultValue"), problem);
    }

    @Test
    void mirroredArgumentsCarryTheirHeaderNameInTheSchema() {
        JsonObject properties = describe("forecast").inputSchema().getJsonObject("properties");
        assertEquals("Region", properties.getJsonObject("region").getString("x-mcp-header"));
        assertEquals("Days", properties.getJsonObject("days").getString("x-mcp-header"));
        assertEquals("Metric", properties.getJsonObject("metric").getString("x-mcp-header"));
        assertFalse(properties.getJsonObject("latitude").containsKey("x-mcp-header"));
        assertEquals(List.of(new ParamHeaders.ParamHeader("Region", "region", "string"),
                new ParamHeaders.ParamHeader("Days", "days", "integer"),
                new ParamHeaders.ParamHeader("Metric", "metric", "boolean")),
                ParamHeaders.of(describe("forecast").inputSchema()));
    }

    @Test
    void headersThatAreNotTokensNotScalarsOrNotUniqueAreRefused() {
        String problem = problem("badHeaders");
        assertTrue(problem.contains("header 'Bad Name' is not a valid HTTP header name"), problem);
        assertTrue(problem.contains("parameter 'b' is mirrored into header 'Ratio' but is not a string, integer or"
                + " boolean"), problem);
        assertTrue(problem.contains("two parameters are mirrored into header 'twin'"), problem);
    }

    @Test
    void aRecordComponentCannotBeMirroredIntoAHeader() {
        String problem = problem("headerInARecord");
        assertTrue(problem.contains("only a tool method's own parameter can be mirrored into a header"), problem);
    }

    @Test
    void everyProblemOfAMethodIsReportedAtOnceNamingTheMethod() {
        String problem = problem("manyProblems");
        assertTrue(problem.startsWith("Invalid @Tool method " + Tools.class.getName() + "#manyProblems: "), problem);
        assertTrue(problem.contains("parameter 'thing': java.lang.Object has no JSON Schema mapping"), problem);
        assertTrue(problem.contains("declares an Emitter"), problem);
    }
}
