package org.statelessmcp.api;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.enterprise.util.Nonbinding;
import jakarta.inject.Qualifier;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Marks a method of a CDI bean as a tool callable on {@code POST /mcp}.
 *
 * <p>The registry is built once at deployment from CDI metadata: every {@code @Tool} method of a discovered bean
 * (a class with a bean-defining annotation such as {@code @ApplicationScoped}) becomes a tool. Problems fail the
 * deployment with a message naming the method: a duplicate name, a parameter type with no JSON Schema mapping, a
 * static or private method. Public, protected and package-private methods are tools.
 *
 * <pre>{@code
 * @ApplicationScoped
 * public class Calculator {
 *
 *     @Tool(description = "Adds two numbers")
 *     public Sum add(@ToolArg(description = "first addend") BigDecimal a, BigDecimal b) {
 *         return new Sum(a.add(b));
 *     }
 *
 *     public record Sum(BigDecimal result) {}
 * }
 * }</pre>
 *
 * <p><b>Parameters.</b> Each parameter is a named argument (see {@link ToolArg}) except those the server supplies:
 * {@link Emitter}, {@link Progress}, {@link McpLog}, {@link Cancellation}, {@link RequestId}, {@link Caller},
 * {@link ClientInput}, {@link Elicitation}, {@link Sampling} and {@link TaskHandoff}. <b>Return values</b> are
 * serialized with JSON-B: records, maps, collections, strings, numbers, {@code jakarta.json.JsonValue}; {@code void}
 * answers {@code null}. A method may
 * return a {@link java.util.concurrent.CompletionStage} to answer later without holding a thread.
 *
 * <p><b>Streaming.</b> With {@code streaming = true} the method takes an {@link Emitter}; every emitted chunk
 * reaches the client as one NDJSON line while the tool still runs, and the return value becomes the final
 * JSON-RPC response line.
 *
 * <p>It is a CDI {@link Qualifier} whose members are all {@link Nonbinding}, so {@code @Tool} on a bean class does
 * not split beans by tool name. The attribute names follow Quarkus MCP Server's; {@code docs/porting-from-quarkus.md}
 * lists what ports by changing imports and what does not.
 */
@Qualifier
@Documented
@Retention(RUNTIME)
@Target({METHOD, TYPE, FIELD, PARAMETER})
public @interface Tool {

    /** Marker meaning "use the annotated element's own name". */
    String ELEMENT_NAME = "<<element name>>";

    /**
     * The tool's name, which is the JSON-RPC {@code method}. Defaults to the method name. Must match
     * {@code [A-Za-z0-9_.-]{1,128}}.
     */
    @Nonbinding
    String name() default ELEMENT_NAME;

    /** A human-readable title; MCP clients show it instead of the name. */
    @Nonbinding
    String title() default "";

    /** What the tool does, for humans and for models choosing a tool. */
    @Nonbinding
    String description() default "";

    /** Whether the tool streams chunks through an {@link Emitter} parameter. */
    @Nonbinding
    boolean streaming() default false;

    /**
     * Timeout in seconds; {@code 0} means the server default ({@code smcp.default-tool-timeout}). Always capped by
     * {@code smcp.max-tool-timeout}. Applies to streaming tools too: the whole stream must end in time.
     */
    @Nonbinding
    int timeout() default 0;

    /**
     * Whether calls may run as MCP tasks, polled by the client instead of holding the request; see
     * {@link TaskSupport}. Not for streaming tools, whose chunks a task could not deliver.
     */
    @Nonbinding
    TaskSupport taskSupport() default TaskSupport.FORBIDDEN;

    /**
     * The tool's own JSON Schema for its arguments, instead of the one derived from its parameters: a classpath
     * resource resolved as {@link Class#getResource} does from the tool's class ({@code "contact.schema.json"} beside
     * it, {@code "/schemas/contact.json"} from the root), or the schema itself when it starts with <code>{</code>.
     *
     * <pre>{@code
     * @Tool(description = "Saves a contact", inputSchema = "contact.schema.json")
     * public String saveContact(String name, String phone, String email, JsonObject address) { ... }
     * }</pre>
     *
     * <p>The schema is JSON Schema 2020-12 ({@code $schema}, when present, must name it) of {@code "type":
     * "object"}; {@code tools/list} serves it exactly as written, every keyword kept. At deployment it is checked,
     * and each named parameter must be one of its {@code properties}: problems fail the deployment naming the
     * method. Before each call the arguments are validated against it, and a call that does not match is refused
     * as invalid arguments without running the tool; each parameter then receives its property by name, as usual
     * (absent: {@code null}, a primitive's zero, or the {@code @ToolArg} default). Descriptions and
     * {@code x-mcp-header} belong in the schema then, not in {@code @ToolArg}. The validator asserts the
     * applicator and validation vocabularies and {@code $ref} within the document; it refuses at deployment what it
     * could not honour ({@code $dynamicRef}, {@code unevaluatedProperties}, a reference out of the document).
     */
    @Nonbinding
    String inputSchema() default "";

    /** Hints about the tool's behaviour for clients; they are hints, never enforced. */
    @Nonbinding
    Annotations annotations() default @Annotations;

    /**
     * Behaviour hints published with the tool (MCP {@code ToolAnnotations}).
     *
     * <pre>{@code
     * @Tool(annotations = @Tool.Annotations(readOnlyHint = true, idempotentHint = true))
     * public Weather forecast(String city) { ... }
     * }</pre>
     */
    @Documented
    @Retention(RUNTIME)
    @Target({})
    @interface Annotations {

        /** A human-readable title for the tool. */
        String title() default "";

        /** The tool does not modify its environment. */
        boolean readOnlyHint() default false;

        /** The tool may perform destructive updates (meaningful only when not read-only). */
        boolean destructiveHint() default true;

        /** Calling the tool twice with the same arguments has no additional effect. */
        boolean idempotentHint() default false;

        /** The tool interacts with an open world of external entities. */
        boolean openWorldHint() default true;
    }
}
