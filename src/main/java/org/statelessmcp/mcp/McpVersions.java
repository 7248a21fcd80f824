package org.statelessmcp.mcp;

import java.util.List;

/**
 * The MCP revisions this server implements, and how a version is chosen. Only revisions whose every server
 * requirement is met are listed: nothing is claimed that is not implemented.
 */
public final class McpVersions {

    /** Newest first. */
    public static final List<String> SUPPORTED = List.of("2025-11-25", "2025-06-18", "2025-03-26");

    /** What a request without {@code MCP-Protocol-Version} speaks, as the transport specification says. */
    public static final String ASSUMED_WITHOUT_HEADER = "2025-03-26";

    private McpVersions() {
    }

    public static boolean isSupported(String version) {
        return SUPPORTED.contains(version);
    }

    /** The version to answer {@code initialize} with: the client's when supported, else the newest. */
    public static String negotiate(String requested) {
        return isSupported(requested) ? requested : SUPPORTED.get(0);
    }

    /** Whether {@code version} is at least {@code other}; both are dates, so they compare as text. */
    public static boolean atLeast(String version, String other) {
        return version.compareTo(other) >= 0;
    }
}
