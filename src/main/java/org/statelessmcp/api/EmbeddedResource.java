package org.statelessmcp.api;

import java.util.Base64;
import java.util.Objects;

/**
 * A resource embedded in the answer, as text or as base64 bytes:
 * {@code {"type":"resource","resource":{"uri":...,"mimeType":...,"text"|"blob":...}}}.
 *
 * <pre>{@code
 * return EmbeddedResource.text("file:///notes.md", "text/markdown", notes);
 * }</pre>
 *
 * @param uri the resource's URI
 * @param mimeType its media type, or {@code null}
 * @param text its text, or {@code null} when it is binary
 * @param blob its bytes in base64, or {@code null} when it is text
 */
public record EmbeddedResource(String uri, String mimeType, String text, String blob) implements Content {

    public EmbeddedResource {
        Objects.requireNonNull(uri, "uri");
        if ((text == null) == (blob == null)) {
            throw new IllegalArgumentException("an embedded resource has either text or a blob");
        }
    }

    /** A text resource. */
    public static EmbeddedResource text(String uri, String mimeType, String text) {
        return new EmbeddedResource(uri, mimeType, text, null);
    }

    /** A binary resource. */
    public static EmbeddedResource blob(String uri, String mimeType, byte[] bytes) {
        return new EmbeddedResource(uri, mimeType, null, Base64.getEncoder().encodeToString(bytes));
    }
}
