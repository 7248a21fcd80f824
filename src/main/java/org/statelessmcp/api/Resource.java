package org.statelessmcp.api;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Marks a method of a CDI bean, without parameters, as an MCP resource with a fixed URI. It returns the contents:
 * a {@code String} (text) or a {@code byte[]} (sent base64 as a blob).
 *
 * <pre>{@code
 * @Resource(uri = "config://app/settings", mimeType = "application/json", description = "Current settings")
 * public String settings() {
 *     return jsonb.toJson(settings.current());
 * }
 * }</pre>
 *
 * <p>The name clashes with {@code jakarta.annotation.Resource}; import one and qualify the other.
 */
@Documented
@Retention(RUNTIME)
@Target(METHOD)
public @interface Resource {

    /** The resource's URI, unique among resources. */
    String uri();

    /** Its name; defaults to the method name. */
    String name() default Tool.ELEMENT_NAME;

    /** A human-readable title. */
    String title() default "";

    /** What it holds. */
    String description() default "";

    /** Its media type, e.g. {@code text/plain}; empty when unknown. */
    String mimeType() default "";
}
