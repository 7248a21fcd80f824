package org.statelessmcp.api;

import java.util.Objects;

/**
 * Text for the model or the user: {@code {"type":"text","text":...}}.
 *
 * <pre>{@code
 * return new TextContent("3 rows imported");
 * }</pre>
 *
 * @param text the text
 */
public record TextContent(String text) implements Content {

    public TextContent {
        Objects.requireNonNull(text, "text");
    }
}
