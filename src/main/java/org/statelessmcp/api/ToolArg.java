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
}
