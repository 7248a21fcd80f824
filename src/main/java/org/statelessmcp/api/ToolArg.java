package org.statelessmcp.api;

import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Describes one argument of a {@link Tool} method.
 *
 * <p>Without this annotation an argument is named after the Java parameter (the project must compile with
 * {@code -parameters}) and is required unless its type is {@link java.util.Optional}.
 *
 * <pre>{@code
 * @Tool
 * public Page search(@ToolArg(description = "words to look for") String query,
 *                    @ToolArg(name = "page_size", required = false, defaultValue = "20") int pageSize) { ... }
 * }</pre>
 *
 * <p>On a record component it describes that property of a structured argument.
 *
 * <p>An argument is optional when {@code required = false}, when it has a {@code defaultValue}, or when its type is
 * {@code Optional}. A missing optional argument takes its {@code defaultValue} (parsed as JSON when it is valid JSON,
 * else taken as a string), or {@code null} / {@code Optional.empty()} / zero for primitives.
 */
@Documented
@Retention(RUNTIME)
@Target({PARAMETER, RECORD_COMPONENT})
public @interface ToolArg {

    /** Marker meaning "use the parameter's own name". */
    String ELEMENT_NAME = "<<element name>>";

    /** The argument's name in {@code params}. Defaults to the parameter name. */
    String name() default ELEMENT_NAME;

    /** What the argument means; published in the tool's input schema. */
    String description() default "";

    /** Whether a call must supply the argument. */
    boolean required() default true;

    /** The value used when the argument is missing; implies {@code required = false}. */
    String defaultValue() default "";

    /**
     * Mirrors the argument into an HTTP header, so that gateways and load balancers can route on it without reading
     * the body: clients of MCP 2026-07-28 send it as {@code Mcp-Param-<header>} beside the body (the schema says so
     * with {@code x-mcp-header}), and the server refuses a call whose header is missing or differs from the argument
     * (HTTP 400, {@code -32020}). Empty (the default): no header.
     *
     * <pre>{@code
     * @Tool(description = "Tomorrow's weather")
     * public String forecast(@ToolArg(header = "Region") String region, int days) { ... }
     * // a 2026-07-28 client sends  Mcp-Param-Region: eu-west  with  {"region": "eu-west", "days": 2}
     * }</pre>
     *
     * <p>Only for a tool method's own parameter (not a record component) of type string, integer or boolean; the
     * name must be an HTTP header token, unique within the tool regardless of case. Deployment fails otherwise.
     */
    String header() default "";
}
