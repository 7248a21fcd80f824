package org.statelessmcp.api;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Marks a method of a CDI bean as a family of MCP resources whose URIs match a template (RFC 6570 level 1:
 * {@code {name}} matches one path segment). Each {@code String} parameter receives the variable of its name.
 *
 * <pre>{@code
 * @ResourceTemplate(uriTemplate = "orders://{id}/summary", mimeType = "text/plain")
 * public String orderSummary(String id) {
 *     return orders.summary(id);
 * }
 * }</pre>
 */
@Documented
@Retention(RUNTIME)
@Target(METHOD)
public @interface ResourceTemplate {

    /** The URI template, e.g. {@code file:///{path}}. */
    String uriTemplate();

    /** Its name; defaults to the method name. */
    String name() default Tool.ELEMENT_NAME;

    /** A human-readable title. */
    String title() default "";

    /** What the resources hold. */
    String description() default "";

    /** Their media type; empty when unknown. */
    String mimeType() default "";
}
