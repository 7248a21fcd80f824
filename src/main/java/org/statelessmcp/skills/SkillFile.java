package org.statelessmcp.skills;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

/**
 * One file of a skill, measured at deployment.
 *
 * @param uri its resource URI, e.g. {@code skill://pdf-processing/references/FORMS.md}
 * @param path its path inside the skill folder, e.g. {@code references/FORMS.md}
 * @param mimeType its media type, from its file name
 * @param bytes its content
 * @param digest {@code sha256:} and the SHA-256 of {@code bytes} in lowercase hexadecimal
 */
public record SkillFile(String uri, String path, String mimeType, byte[] bytes, String digest) {

    /** The length of the content in bytes, which the digest covers. */
    public int size() {
        return bytes.length;
    }

    /** The last segment of the path. */
    public String name() {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /**
     * The content as text, for a file of a textual type in UTF-8; {@code null} for any other, which is served as a
     * blob. Either way a client gets back the very bytes the digest covers.
     */
    public String text() {
        if (!MediaTypes.textual(mimeType)) {
            return null;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notUtf8) {
            return null;
        }
    }
}
