package org.statelessmcp.mcp;

import java.util.List;

/**
 * The MCP revisions this server implements, and how a version is chosen. Only revisions whose every server
 * requirement is met are listed: nothing is claimed that is not implemented. The 2025 revisions begin with
 * {@code initialize}; 2026-07-28 has no handshake and carries its version in every request.
 */
public final class McpVersions {

    /** The stateless revision: version and client capabilities in each request's {@code _meta}. */
    public static final String STATELESS = "2026-07-28";

    /** The revisions negotiated by {@code initialize}, newest first. */
    public static final List<String> HANDSHAKE = List.of("2025-11-25", "2025-06-18", "2025-03-26");

    /** Every served revision, newest first. */
    public static final List<String> SUPPORTED = List.of(STATELESS, "2025-11-25", "2025-06-18", "2025-03-26");

    /** What a request without {@code MCP-Protocol-Version} speaks, as the transport specification says. */
    public static final String ASSUMED_WITHOUT_HEADER = "2025-03-26";

    private McpVersions() {
    }

    public static boolean isSupported(String version) {
        return SUPPORTED.contains(version);
    }

    /** Whether {@code version} is a revision without handshake, whose requests carry their own {@code _meta}. */
    public static boolean isStateless(String version) {
        return STATELESS.equals(version);
    }

    /**
     * The version to answer {@code initialize} with: the client's when it has a handshake, else the newest that does.
     */
    public static String negotiate(String requested) {
        return HANDSHAKE.contains(requested) ? requested : HANDSHAKE.get(0);
    }

    /** Whether {@code version} is at least {@code other}; both are dates, so they compare as text. */
    public static boolean atLeast(String version, String other) {
        return version.compareTo(other) >= 0;
    }
}
