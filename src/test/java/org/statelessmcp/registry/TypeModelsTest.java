package org.statelessmcp.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.annotation.JsonbProperty;
import java.io.StringReader;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.statelessmcp.api.ToolArg;

public class TypeModelsTest {

    private static final Jsonb JSONB = JsonbBuilder.create();

    @AfterAll
    static void close() throws Exception {
        JSONB.close();
    }

    public enum Size { SMALL, LARGE }

    public record Point(int x, int y) {
    }

    public record Shape(String name, List<Point> points, Optional<Size> size,
                        @JsonbProperty("fill_color") @ToolArg(description = "CSS colour") String fillColor) {
    }

    public record Node(String name, List<Node> children) {
    }

    @SuppressWarnings("unused")
    private static void signatures(List<String> strings, Set<Integer> integers, Map<String, Point> points,
                                   Optional<Long> maybe, Map<Integer, String> intKeys, List<?> wildcard,
                                   List<String>[] genericArray) {
    }

    private static Type parameter(int index) throws NoSuchMethodException {
        return TypeModelsTest.class.getDeclaredMethod("signatures", List.class, Set.class, Map.class,
                Optional.class, Map.class, List.class, List[].class).getGenericParameterTypes()[index];
    }

    private static JsonValue json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readValue();
        }
    }

    private static String schema(Type type) throws UnsupportedTypeException {
        return TypeModels.of(type).schema().toString();
    }

    @Test
    void intIsAnIntegerWithItsRange() throws Exception {
        assertEquals("{\"type\":\"integer\",\"minimum\":-2147483648,\"maximum\":2147483647}", schema(int.class));
    }

    @Test
    void bigDecimalIsANumber() throws Exception {
        assertEquals("{\"type\":\"number\"}", schema(BigDecimal.class));
    }

    @Test
    void bigIntegerIsAnUnboundedInteger() throws Exception {
        assertEquals("{\"type\":\"integer\"}", schema(BigInteger.class));
    }

    @Test
    void enumIsAStringWithItsConstants() throws Exception {
        assertEquals("{\"type\":\"string\",\"enum\":[\"SMALL\",\"LARGE\"]}", schema(Size.class));
    }

    @Test
    void listIsAnArrayOfItsElements() throws Exception {
        assertEquals("{\"type\":\"array\",\"items\":{\"type\":\"string\"}}", schema(parameter(0)));
    }

    @Test
    void setIsAnArrayOfUniqueItems() throws Exception {
        assertTrue(schema(parameter(1)).contains("\"uniqueItems\":true"));
    }

    @Test
    void mapWithStringKeysIsAnObjectWithTypedValues() throws Exception {
        assertEquals("{\"type\":\"object\",\"additionalProperties\":" + schema(Point.class) + "}",
                schema(parameter(2)));
    }

    @Test
    void optionalHasTheSchemaOfItsContent() throws Exception {
        assertEquals(schema(long.class), schema(parameter(3)));
    }

    @Test
    void recordIsAClosedObjectWhoseNonOptionalComponentsAreRequired() throws Exception {
        String schema = schema(Shape.class);
        assertTrue(schema.contains("\"required\":[\"name\",\"points\",\"fill_color\"]"), schema);
        assertTrue(schema.contains("\"additionalProperties\":false"), schema);
        assertTrue(schema.contains("\"fill_color\":{\"type\":\"string\",\"description\":\"CSS colour\"}"), schema);
    }

    @Test
    void mapWithNonStringKeysIsRefused() {
        UnsupportedTypeException e = assertThrows(UnsupportedTypeException.class, () -> TypeModels.of(parameter(4)));
        assertTrue(e.getMessage().contains("map keys must be String"), e.getMessage());
    }

    @Test
    void wildcardIsRefused() {
        assertThrows(UnsupportedTypeException.class, () -> TypeModels.of(parameter(5)));
    }

    @Test
    void objectIsRefusedWithAHint() {
        UnsupportedTypeException e = assertThrows(UnsupportedTypeException.class, () -> TypeModels.of(Object.class));
        assertTrue(e.getMessage().contains("use a record"), e.getMessage());
    }

    @Test
    void recursiveRecordIsRefused() {
        UnsupportedTypeException e = assertThrows(UnsupportedTypeException.class, () -> TypeModels.of(Node.class));
        assertTrue(e.getMessage().contains("recursive"), e.getMessage());
    }

    @Test
    void genericArrayIsRefusedInFavourOfAList() {
        UnsupportedTypeException e = assertThrows(UnsupportedTypeException.class, () -> TypeModels.of(parameter(6)));
        assertTrue(e.getMessage().contains("use a List"), e.getMessage());
    }

    @Test
    void listOfRecordsBindsThroughJsonb() throws Exception {
        Object bound = TypeModels.of(TypeModelsTest.class.getDeclaredMethod("points", List.class)
                .getGenericParameterTypes()[0]).bind(json("[{\"x\":1,\"y\":2}]"), "points", JSONB);
        assertEquals(List.of(new Point(1, 2)), bound);
    }

    @SuppressWarnings("unused")
    private static void points(List<Point> points) {
    }

    @Test
    void recordBindsThroughJsonbAfterValidation() throws Exception {
        Shape shape = (Shape) TypeModels.of(Shape.class).bind(json(
                "{\"name\":\"tri\",\"points\":[{\"x\":1,\"y\":2}],\"size\":\"LARGE\",\"fill_color\":\"red\"}"), "shape",
                JSONB);
        assertEquals(new Point(1, 2), shape.points().get(0));
        assertEquals(Optional.of(Size.LARGE), shape.size());
        assertEquals("red", shape.fillColor());
    }

    @Test
    void missingOptionalRecordComponentBindsToEmpty() throws Exception {
        Shape shape = (Shape) TypeModels.of(Shape.class).bind(json(
                "{\"name\":\"tri\",\"points\":[],\"fill_color\":\"red\"}"), "shape", JSONB);
        assertEquals(Optional.empty(), shape.size());
    }

    @Test
    void missingRequiredRecordComponentIsNamedWithItsPath() throws Exception {
        TypeModel model = TypeModels.of(Shape.class);
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class,
                () -> model.bind(json("{\"name\":\"tri\",\"points\":[]}"), "shape", JSONB));
        assertEquals("'shape.fill_color' is required", e.getMessage());
    }

    @Test
    void unknownRecordPropertyIsRefused() throws Exception {
        TypeModel model = TypeModels.of(Point.class);
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class,
                () -> model.bind(json("{\"x\":1,\"y\":2,\"z\":3}"), "p", JSONB));
        assertEquals("'p' has no property 'z'", e.getMessage());
    }

    @Test
    void integerAcceptsAWholeNumberWrittenWithADecimalPoint() throws Exception {
        assertEquals(2, TypeModels.of(int.class).bind(json("2.0"), "n", JSONB));
    }

    @Test
    void integerWithAHugeExponentIsOutOfRangeBeforeItIsExpanded() throws Exception {
        // expanded, 10^999999999 overflows BigInteger and would read as "not an integer"
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class,
                () -> TypeModels.of(long.class).bind(json("1e999999999"), "n", JSONB));
        assertEquals("'n' must be an integer between " + Long.MIN_VALUE + " and " + Long.MAX_VALUE
                + ", got the number 1E+999999999", e.getMessage());
    }

    @Test
    void aFractionSmallerThanOneIsNotAnInteger() throws Exception {
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class,
                () -> TypeModels.of(int.class).bind(json("1e-999999999"), "n", JSONB));
        assertTrue(e.getMessage().startsWith("'n' must be an integer"), e.getMessage());
    }

    @Test
    void integerWrittenWithAnExponentInRangeBinds() throws Exception {
        assertEquals(1_000_000L, TypeModels.of(long.class).bind(json("1e6"), "n", JSONB));
        assertEquals(0, TypeModels.of(int.class).bind(json("0e99999999"), "n", JSONB));
    }

    @Test
    void aNumberBeyondADoublesRangeIsRefused() throws Exception {
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class,
                () -> TypeModels.of(double.class).bind(json("-1e400"), "d", JSONB));
        assertEquals("'d' must be a number within the range of a double, got the number -1E+400", e.getMessage());
        assertThrows(InvalidArgumentException.class, () -> TypeModels.of(Float.class).bind(json("1e39"), "f", JSONB));
        assertEquals(0.0d, TypeModels.of(double.class).bind(json("1e-400"), "d", JSONB));
    }

    @Test
    void integerOutOfRangeNamesTheRange() throws Exception {
        TypeModel model = TypeModels.of(byte.class);
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class,
                () -> model.bind(json("300"), "b", JSONB));
        assertEquals("'b' must be an integer between -128 and 127, got the number 300", e.getMessage());
    }

    @Test
    void stringIsNotANumber() throws Exception {
        TypeModel model = TypeModels.of(double.class);
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class,
                () -> model.bind(json("\"1\""), "d", JSONB));
        assertEquals("'d' must be a number, got a string", e.getMessage());
    }

    @Test
    void arrayElementErrorsCarryTheirIndex() throws Exception {
        TypeModel model = TypeModels.of(parameter(0));
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class,
                () -> model.bind(json("[\"a\", 2]"), "tags", JSONB));
        assertEquals("'tags[1]' must be a string, got the number 2", e.getMessage());
    }

    public record Positive(int value) {
        public Positive {
            if (value <= 0) {
                throw new IllegalArgumentException("value must be positive");
            }
        }
    }

    @Test
    void compactConstructorValidationIsReportedAsAnInvalidArgument() throws Exception {
        TypeModel model = TypeModels.of(Positive.class);
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class,
                () -> model.bind(json("{\"value\":-1}"), "p", JSONB));
        assertEquals("'p' could not be bound: the value was refused", e.getMessage());
    }

    record Hidden(int x) {
    }

    @Test
    void nonPublicRecordIsRefusedSinceJsonbBindsIt() {
        UnsupportedTypeException e = assertThrows(UnsupportedTypeException.class, () -> TypeModels.of(Hidden.class));
        assertTrue(e.getMessage().contains("must be public"), e.getMessage());
    }

    @Test
    void primitiveAbsentValueIsZero() throws Exception {
        assertEquals(0, TypeModels.of(int.class).absent());
        assertEquals(false, TypeModels.of(boolean.class).absent());
        assertEquals(Optional.empty(), TypeModels.of(parameter(3)).absent());
    }
}
