package org.statelessmcp.schema;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;

/**
 * A JSON Schema 2020-12 document checked once and then used to validate many instances.
 *
 * <p>The validator is the server's own, small and without dependencies: it asserts the keywords of the core,
 * applicator and validation vocabularies ({@code type}, {@code enum}, {@code const}, the numeric, string, array and
 * object limits, {@code properties}, {@code patternProperties}, {@code additionalProperties}, {@code items},
 * {@code prefixItems}, {@code contains}, {@code allOf}/{@code anyOf}/{@code oneOf}/{@code not},
 * {@code if}/{@code then}/{@code else}, {@code dependentRequired}/{@code dependentSchemas}, {@code $ref} within the
 * document by JSON Pointer or {@code $anchor}) and ignores the others, as the specification asks of unknown
 * keywords ({@code format} is an annotation, as by default in 2020-12). What it could not honour is refused when the
 * schema is checked, never ignored at call time: references out of the document, {@code $dynamicRef},
 * {@code unevaluatedProperties}/{@code unevaluatedItems}, another dialect's {@code $schema}.
 */
public final class JsonSchema {

    /** What {@code $schema} names in every schema the server derives; the only dialect it validates. */
    public static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";

    private final JsonObject document;
    private final SchemaCheck.Found found;

    private JsonSchema(JsonObject document, SchemaCheck.Found found) {
        this.document = document;
        this.found = found;
    }

    /**
     * Checks {@code document} and keeps it for validation.
     *
     * @throws InvalidSchemaException naming every problem found
     */
    public static JsonSchema of(JsonObject document) throws InvalidSchemaException {
        return new JsonSchema(document, SchemaCheck.check(document));
    }

    /** The schema as it was given: every keyword kept. */
    public JsonObject document() {
        return document;
    }

    /**
     * What is wrong with {@code instance}, each message naming where ({@code 'address.city'}) and what was
     * expected; empty when it is valid.
     *
     * @param instance the value to validate; the root is called "the arguments" in messages
     */
    public List<String> errors(JsonValue instance) {
        return new Evaluator(document, found).errors(document, instance, "");
    }
}
