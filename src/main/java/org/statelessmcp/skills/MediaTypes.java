package org.statelessmcp.skills;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The media type of a skill file, from its file name. A fixed table rather than the server's own, so that every
 * server of a cluster, whatever its kind, names a file the same way.
 */
final class MediaTypes {

    private static final Map<String, String> BY_EXTENSION = Map.ofEntries(
            Map.entry("md", "text/markdown"), Map.entry("markdown", "text/markdown"),
            Map.entry("txt", "text/plain"), Map.entry("csv", "text/csv"), Map.entry("html", "text/html"),
            Map.entry("htm", "text/html"), Map.entry("css", "text/css"), Map.entry("xml", "application/xml"),
            Map.entry("json", "application/json"), Map.entry("yaml", "application/yaml"),
            Map.entry("yml", "application/yaml"), Map.entry("toml", "application/toml"),
            Map.entry("js", "text/javascript"), Map.entry("mjs", "text/javascript"), Map.entry("ts", "text/plain"),
            Map.entry("py", "text/x-python"), Map.entry("sh", "application/x-sh"), Map.entry("java", "text/x-java"),
            Map.entry("sql", "application/sql"), Map.entry("svg", "image/svg+xml"), Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"), Map.entry("gif", "image/gif"),
            Map.entry("webp", "image/webp"), Map.entry("pdf", "application/pdf"), Map.entry("zip", "application/zip"));

    /** Types whose content is text though their top-level type is not {@code text}. */
    private static final Set<String> TEXTUAL = Set.of("application/xml", "application/json", "application/yaml",
            "application/toml", "application/x-sh", "application/sql", "image/svg+xml");

    static final String UNKNOWN = "application/octet-stream";

    private MediaTypes() {
    }

    static String of(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? UNKNOWN : BY_EXTENSION.getOrDefault(fileName.substring(dot + 1).toLowerCase(Locale.ROOT),
                UNKNOWN);
    }

    /** Whether a file of this type is served as {@code text} when its bytes are UTF-8, rather than as a blob. */
    static boolean textual(String mimeType) {
        return mimeType.startsWith("text/") || TEXTUAL.contains(mimeType);
    }
}
