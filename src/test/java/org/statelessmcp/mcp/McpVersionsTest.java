package org.statelessmcp.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class McpVersionsTest {

    @Test
    void versionsNegotiateToTheClientsWhenSupportedElseTheNewest() {
        assertEquals("2025-06-18", McpVersions.negotiate("2025-06-18"));
        assertEquals("2025-11-25", McpVersions.negotiate("2024-11-05"));
    }

    @Test
    void mcpMethodsAreThoseWithASlashAndInitializeAndPing() {
        assertEquals(List.of(true, true, true, false),
                List.of(McpMethod.isMcp("tools/call"), McpMethod.isMcp("initialize"), McpMethod.isMcp("ping"),
                        McpMethod.isMcp("generate_numbers")));
    }
}
