package org.statelessmcp.api;

import java.util.Base64;
import java.util.Objects;

/**
 * An image: {@code {"type":"image","data":<base64>,"mimeType":...}}.
 *
 * <pre>{@code
 * return ImageContent.of(Files.readAllBytes(path), "image/png");
 * }</pre>
 *
 * @param data the image, base64-encoded
 * @param mimeType its media type, such as {@code image/png}
 */
public record ImageContent(String data, String mimeType) implements Content {

    public ImageContent {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(mimeType, "mimeType");
    }

    /** An image from its bytes. */
    public static ImageContent of(byte[] bytes, String mimeType) {
        return new ImageContent(Base64.getEncoder().encodeToString(bytes), mimeType);
    }
}
