package org.statelessmcp.api;

import java.util.Base64;
import java.util.Objects;

/**
 * A sound: {@code {"type":"audio","data":<base64>,"mimeType":...}}.
 *
 * <pre>{@code
 * return AudioContent.of(synthesizer.wav(text), "audio/wav");
 * }</pre>
 *
 * @param data the audio, base64-encoded
 * @param mimeType its media type, such as {@code audio/wav}
 */
public record AudioContent(String data, String mimeType) implements Content {

    public AudioContent {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(mimeType, "mimeType");
    }

    /** Audio from its bytes. */
    public static AudioContent of(byte[] bytes, String mimeType) {
        return new AudioContent(Base64.getEncoder().encodeToString(bytes), mimeType);
    }
}
