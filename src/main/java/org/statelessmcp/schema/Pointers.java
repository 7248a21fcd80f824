package org.statelessmcp.schema;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** JSON Pointers (RFC 6901) in URI fragment form, as a {@code $ref} writes them: {@code #/$defs/address}. */
final class Pointers {

    private Pointers() {
    }

    /** The value at {@code fragment} ({@code #} or {@code #/a/b}) in {@code root}, or {@code null} if none. */
    static JsonValue resolve(JsonValue root, String fragment) {
        String pointer = URLDecoder.decode(fragment.substring(1).replace("+", "%2B"), StandardCharsets.UTF_8);
        if (pointer.isEmpty()) {
            return root;
        }
        JsonValue current = root;
        for (String raw : pointer.substring(1).split("/", -1)) {
            String token = raw.replace("~1", "/").replace("~0", "~");
            if (current instanceof JsonObject object) {
                current = object.get(token);
            } else if (current instanceof JsonArray array && token.matches("0|[1-9][0-9]{0,8}")
                    && Integer.parseInt(token) < array.size()) {
                current = array.get(Integer.parseInt(token));
            } else {
                return null;
            }
            if (current == null) {
                return null;
            }
        }
        return current;
    }
}
