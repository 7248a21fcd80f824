package org.statelessmcp.api;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Marks a method of a CDI bean as an MCP prompt: a message template a client offers its user.
 *
 * <pre>{@code
 * @Prompt(description = "Asks for a code review")
 * public PromptMessage review(@PromptArg(description = "The code") String code) {
 *     return PromptMessage.user("Please review this code:\n" + code);
 * }
 * }</pre>
 *
 * <p>Every parameter is a {@code String} argument, named after the parameter or by {@link PromptArg}. The method
 * returns a {@link PromptMessage}, a {@code List} of them, or a {@code String} (one user message).
 */
@Documented
@Retention(RUNTIME)
@Target(METHOD)
public @interface Prompt {

    /** The prompt's name; defaults to the method name. */
    String name() default Tool.ELEMENT_NAME;

    /** A human-readable title. */
    String title() default "";

    /** What the prompt is for. */
    String description() default "";
}
