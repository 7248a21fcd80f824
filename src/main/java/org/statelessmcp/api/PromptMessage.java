package org.statelessmcp.api;

import java.util.Objects;

/**
 * One message of a prompt: who says it and what.
 *
 * <pre>{@code
 * return List.of(PromptMessage.user("Describe this picture:"), PromptMessage.user(ImageContent.of(png, "image/png")));
 * }</pre>
 *
 * @param role {@code user} or {@code assistant}
 * @param content the message's content
 */
public record PromptMessage(String role, Content content) {

    public PromptMessage {
        if (!"user".equals(role) && !"assistant".equals(role)) {
            throw new IllegalArgumentException("role must be user or assistant");
        }
        Objects.requireNonNull(content, "content");
    }

    public static PromptMessage user(String text) {
        return new PromptMessage("user", new TextContent(text));
    }

    public static PromptMessage user(Content content) {
        return new PromptMessage("user", content);
    }

    public static PromptMessage assistant(String text) {
        return new PromptMessage("assistant", new TextContent(text));
    }
}
