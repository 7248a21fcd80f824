package org.statelessmcp.api;

import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Describes one argument of a {@link Prompt} method.
 *
 * <pre>{@code
 * @Prompt
 * public String greet(@PromptArg(description = "Who to greet", required = false) String name) {
 *     return "Say hello to " + (name == null ? "everyone" : name);
 * }
 * }</pre>
 */
@Documented
@Retention(RUNTIME)
@Target(PARAMETER)
public @interface PromptArg {

    /** The argument's name; defaults to the parameter name. */
    String name() default Tool.ELEMENT_NAME;

    /** What the argument means. */
    String description() default "";

    /** Whether {@code prompts/get} must supply it; a missing optional argument is {@code null}. */
    boolean required() default true;
}
