package org.statelessmcp.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonSchemaTest {

    /** The conformance suite's json-schema-2020-12 tool schema, as the suite writes it. */
    static final String CONTACT = """
            {"$schema":"https://json-schema.org/draft/2020-12/schema","type":"object",
             "$defs":{"address":{"$anchor":"addressDef","type":"object",
                                 "properties":{"street":{"type":"string"},"city":{"type":"string"}}}},
             "properties":{"name":{"type":"string"},"address":{"$ref":"#/$defs/address"},
                           "contactMethod":{"type":"string","enum":["phone","email"]},
                           "phone":{"type":"string"},"email":{"type":"string"}},
             "allOf":[{"anyOf":[{"required":["phone"]},{"required":["email"]}]}],
             "if":{"properties":{"contactMethod":{"const":"phone"}},"required":["contactMethod"]},
             "then":{"required":["phone"]},"else":{"required":["email"]},
             "additionalProperties":false}""";

    private static JsonValue json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readValue();
        }
    }

    private static JsonSchema schema(String text) throws InvalidSchemaException {
        return JsonSchema.of((JsonObject) json(text));
    }

    private static List<String> errors(String schema, String instance) throws InvalidSchemaException {
        return schema(schema).errors(json(instance));
    }

    private static String problems(String schema) {
        return assertThrows(InvalidSchemaException.class, () -> schema(schema)).getMessage();
    }

    @Test
    void theDocumentIsKeptAsWritten() throws Exception {
        assertEquals(json(CONTACT), schema(CONTACT).document());
    }

    @Test
    void validContactsPass() throws Exception {
        assertEquals(List.of(), errors(CONTACT, "{\"name\":\"Ada\",\"contactMethod\":\"phone\",\"phone\":\"1\"}"));
        assertEquals(List.of(), errors(CONTACT, "{\"email\":\"a@b\",\"address\":{\"city\":\"Oslo\",\"zip\":1}}"));
        assertEquals(List.of(), errors(CONTACT, "{\"contactMethod\":\"email\",\"email\":\"a@b\",\"phone\":\"1\"}"));
    }

    @Test
    void neitherPhoneNorEmailIsRefusedByAnyOfAndElse() throws Exception {
        assertEquals(List.of("the arguments must match one of anyOf's schemas: missing required argument 'phone'"
                + " | missing required argument 'email'", "missing required argument 'email' (if/else)"),
                errors(CONTACT, "{\"name\":\"Ada\"}"));
    }

    @Test
    void contactByPhoneWithoutAPhoneIsRefusedByThen() throws Exception {
        assertEquals(List.of("missing required argument 'phone' (if/then)"),
                errors(CONTACT, "{\"contactMethod\":\"phone\",\"email\":\"a@b\"}"));
    }

    @Test
    void unknownArgumentsAndWrongTypesAreNamed() throws Exception {
        assertEquals(List.of("unknown argument 'nickname'"), errors(CONTACT, "{\"email\":\"a\",\"nickname\":\"x\"}"));
        assertEquals(List.of("'address.city' must be a string, got the number 3"),
                errors(CONTACT, "{\"email\":\"a\",\"address\":{\"city\":3}}"));
        assertEquals(List.of("'contactMethod' must be one of [\"phone\",\"email\"], got a string"),
                errors(CONTACT, "{\"contactMethod\":\"fax\",\"email\":\"a@b\"}"));
        assertTrue(errors(CONTACT, "[]").get(0).startsWith("the arguments must be an object, got an array"));
    }

    @Test
    void anchorsResolve() throws Exception {
        String schema = "{\"$defs\":{\"a\":{\"$anchor\":\"n\",\"type\":\"integer\"}},\"items\":{\"$ref\":\"#n\"}}";
        assertEquals(List.of(), errors(schema, "[1, 2.0]"));
        assertEquals(List.of("'[1]' must be an integer, got the number 2.5"), errors(schema, "[1, 2.5]"));
    }

    @Test
    void recursiveReferencesFollowTheInstance() throws Exception {
        String tree = "{\"type\":\"object\",\"properties\":{\"kids\":{\"type\":\"array\",\"items\":{\"$ref\":\"#\"}}},"
                + "\"additionalProperties\":false}";
        assertEquals(List.of(), errors(tree, "{\"kids\":[{\"kids\":[]},{}]}"));
        assertEquals(List.of("'kids[1]' has no property 'x'"), errors(tree, "{\"kids\":[{},{\"x\":1}]}"));
    }

    @Test
    void aReferenceLoopEndsWithAnError() throws Exception {
        assertEquals(List.of("the arguments cannot be validated: the schema's references loop"),
                errors("{\"$defs\":{\"a\":{\"$ref\":\"#/$defs/b\"},\"b\":{\"$ref\":\"#/$defs/a\"}},"
                        + "\"$ref\":\"#/$defs/a\"}", "{}"));
    }

    @Test
    void numbersStringsArraysAndObjectsKeepTheirLimits() throws Exception {
        String s = "{\"properties\":{\"n\":{\"minimum\":1,\"exclusiveMaximum\":10,\"multipleOf\":0.5},"
                + "\"s\":{\"minLength\":2,\"maxLength\":3,\"pattern\":\"^[a-z]+$\"},"
                + "\"a\":{\"minItems\":1,\"uniqueItems\":true,\"prefixItems\":[{\"type\":\"string\"}],"
                + "\"items\":{\"type\":\"integer\"},\"contains\":{\"const\":7},\"maxContains\":1},"
                + "\"o\":{\"maxProperties\":1,\"propertyNames\":{\"maxLength\":2},"
                + "\"dependentRequired\":{\"x\":[\"y\"]}}}}";
        assertEquals(List.of(), errors(s, "{\"n\":9.5,\"s\":\"ab\",\"a\":[\"x\",7,1],\"o\":{\"y\":1}}"));
        assertEquals(List.of("'n' must be less than 10, got the number 10"), errors(s, "{\"n\":10}"));
        assertEquals(List.of("'n' must be at least 1, got the number 0.5"), errors(s, "{\"n\":0.5}"));
        assertEquals(List.of("'n' must be a multiple of 0.5, got the number 1.2"), errors(s, "{\"n\":1.2}"));
        assertEquals(List.of("'s' must have at most 3 characters, has 4", "'s' must match the pattern ^[a-z]+$"),
                errors(s, "{\"s\":\"abC1\"}"));
        assertEquals(List.of("'s' must have at least 2 characters, has 1", "'s' must match the pattern ^[a-z]+$"),
                errors(s, "{\"s\":\"\uD83D\uDE00\"}"));
        assertEquals(List.of("'a' must have unique items: items 1 and 2 are equal"),
                errors(s, "{\"a\":[\"x\",7,7.0]}").subList(0, 1));
        assertEquals(List.of("'a[1]' must be an integer, got a string",
                "'a' must contain at least 1 item(s) matching 'contains', has 0"), errors(s, "{\"a\":[\"x\",\"y\"]}"));
        assertEquals(List.of("'o' must have at most 1 properties, has 2", "'o' is missing required property 'y'"
                + " (needed with 'x')", "the name of 'o.abc' must have at most 2 characters, has 3"),
                errors(s, "{\"o\":{\"x\":1,\"abc\":2}}"));
    }

    @Test
    void oneOfNotAndBooleanSchemas() throws Exception {
        String s = "{\"oneOf\":[{\"type\":\"integer\"},{\"minimum\":2}],\"not\":{\"const\":5}}";
        assertEquals(List.of(), errors(s, "1"));
        assertEquals(List.of("the arguments must match exactly one of oneOf's schemas, matches 2"), errors(s, "3"));
        assertEquals(List.of("the arguments must match exactly one of oneOf's schemas, matches 2",
                "the arguments must not match the schema of 'not'"), errors(s, "5"));
        assertEquals(List.of("'x' is not allowed"), errors("{\"properties\":{\"x\":false}}", "{\"x\":1}"));
        assertEquals(List.of(), errors("{\"properties\":{\"x\":true},"
                + "\"patternProperties\":{\"^y\":{\"type\":\"null\"}},"
                + "\"additionalProperties\":{\"type\":\"boolean\"}}", "{\"x\":[],\"yy\":null,\"z\":true}"));
    }

    @Test
    void unknownKeywordsAndAnnotationsAreIgnored() throws Exception {
        assertEquals(List.of(), errors("{\"type\":\"string\",\"format\":\"email\",\"x-mcp-header\":\"H\","
                + "\"description\":\"d\",\"examples\":[1],\"whatever\":{\"type\":\"integer\"}}", "\"not an email\""));
    }

    @Test
    void malformedKeywordsAreRefusedWithTheirPlace() {
        String message = problems("{\"$schema\":\"http://json-schema.org/draft-07/schema#\",\"type\":\"objekt\","
                + "\"properties\":{\"a\":{\"minLength\":-1,\"pattern\":\"(\"},\"b\":3},\"required\":[\"a\",\"a\"],"
                + "\"allOf\":[],\"items\":{\"$ref\":\"#/$defs/none\"},"
                + "\"$defs\":{\"x\":{\"$ref\":\"https://e.org/s\"}}}");
        for (String expected : List.of("#/$schema: must be https://json-schema.org/draft/2020-12/schema",
                "#/type: must be one of", "#/properties/a/minLength: must be a non-negative integer",
                "#/properties/a/pattern: '(' is not a regular expression",
                "#/properties/b: a schema must be an object or a boolean", "#/required: must be an array of distinct",
                "#/allOf: must be a non-empty array of schemas", "#/items/$ref: '#/$defs/none' resolves to nothing",
                "#/$defs/x/$ref: 'https://e.org/s' is not a reference within this schema")) {
            assertTrue(message.contains(expected), expected + " in " + message);
        }
    }

    @Test
    void keywordsTheValidatorCannotHonourAreRefusedNotIgnored() {
        assertTrue(problems("{\"unevaluatedProperties\":false}").contains(
                "#/unevaluatedProperties: 'unevaluatedProperties' is not supported by the server's validator"));
        assertTrue(problems("{\"items\":{\"$dynamicRef\":\"#x\"}}").contains("#/items/$dynamicRef"));
        assertTrue(problems("{\"properties\":{\"a\":{\"$id\":\"a.json\"}}}").contains(
                "#/properties/a/$id: $id in a subschema is not supported"));
        assertTrue(problems("{\"$defs\":{\"a\":{\"$anchor\":\"x\"},\"b\":{\"$anchor\":\"x\"}}}").contains(
                "anchor 'x' is declared twice"));
    }

    @Test
    void aPatternThatBacktracksCatastrophicallyIsStoppedAndNamed() throws Exception {
        // the JDK remembers where (a+)+ failed, but not for bounded repetitions: 28 a's and a b take it 5 s on
        // this pattern, 38 of them minutes
        List<String> errors = errors("{\"properties\":{\"s\":{\"type\":\"string\","
                + "\"pattern\":\"^(a{1,40}){1,40}$\"}}}", "{\"s\":\"" + "a".repeat(38) + "b\"}");
        assertEquals(List.of("'s' is too costly to match against the pattern ^(a{1,40}){1,40}$"), errors);
    }

    @Test
    void aLinearPatternOverALongStringStaysWithinTheBudget() throws Exception {
        String schema = "{\"properties\":{\"s\":{\"type\":\"string\",\"pattern\":\"^[a-z]+$\"}}}";
        assertEquals(List.of(), errors(schema, "{\"s\":\"" + "a".repeat(1_000_000) + "\"}"));
        assertEquals(List.of("'s' must match the pattern ^[a-z]+$"),
                errors(schema, "{\"s\":\"" + "a".repeat(1_000_000) + "1\"}"));
    }

    @Test
    void aPropertyNameTooCostlyForPatternPropertiesIsNamed() throws Exception {
        List<String> errors = errors("{\"patternProperties\":{\"^(a{1,40}){1,40}$\":{\"type\":\"null\"}}}",
                "{\"" + "a".repeat(38) + "b\":1}");
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith("the name of '") && errors.get(0).endsWith(
                "' is too costly to match against the pattern ^(a{1,40}){1,40}$"), errors.get(0));
    }

    @Test
    void uniqueItemsComparesByValueWhateverTheNotationOrMemberOrder() throws Exception {
        String schema = "{\"uniqueItems\":true}";
        assertEquals(List.of("the arguments must have unique items: items 0 and 2 are equal"),
                errors(schema, "[1, 2, 1.0]"));
        assertEquals(List.of("the arguments must have unique items: items 0 and 1 are equal"),
                errors(schema, "[{\"a\":1,\"b\":[100]}, {\"b\":[1E+2],\"a\":1.00}]"));
        assertEquals(List.of(),
                errors(schema, "[1, \"1\", [1], {\"1\":1}, true, null, 0, -0.0e5]".replace(", -0.0e5", "")));
    }

    @Test
    void uniqueItemsOverAHundredThousandItemsIsNoQuadraticWork() throws Exception {
        StringBuilder items = new StringBuilder("[");
        for (int i = 0; i < 100_000; i++) {
            items.append(i).append(',');
        }
        items.append("99999]");
        assertEquals(List.of("the arguments must have unique items: items 99999 and 100000 are equal"),
                errors("{\"uniqueItems\":true}", items.toString()));
    }

    @Test
    void onlyTheFirstErrorsAreKeptAndTheRestCounted() throws Exception {
        List<String> errors = errors("{\"items\":{\"type\":\"integer\"}}", "[" + "\"x\",".repeat(999) + "\"x\"]");
        assertEquals(ErrorList.KEPT + 1, errors.size());
        assertEquals("'[0]' must be an integer, got a string", errors.get(0));
        assertEquals("and " + (1000 - ErrorList.KEPT) + " more", errors.get(ErrorList.KEPT));
    }
}
