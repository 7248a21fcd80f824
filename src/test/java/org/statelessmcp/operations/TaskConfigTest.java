package org.statelessmcp.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The task settings a deployment accepts, and the message that refuses the others. */
class TaskConfigTest {

    @Test
    void theDefaultsAreAccepted() {
        TaskConfig config = new TaskConfig(3600, 1000, 15, 1_048_576, 300);
        assertEquals(Duration.ofHours(1), config.ttl());
        assertEquals(Duration.ofSeconds(1), config.pollInterval());
        assertEquals(Duration.ofSeconds(15), config.orphanAfter());
    }

    @Test
    void everyProblemIsNamedAtOnce() {
        String message = assertThrows(IllegalArgumentException.class,
                () -> new TaskConfig(300, 0, 2, 0, 300)).getMessage();
        assertTrue(message.contains("smcp.mcp.tasks.ttl (300 s) must be longer than smcp.max-tool-timeout (300 s)"),
                message);
        assertTrue(message.contains("smcp.mcp.tasks.poll-interval must be a positive"), message);
        assertTrue(message.contains("smcp.mcp.tasks.orphan-after must be at least 3 seconds"), message);
        assertTrue(message.contains("smcp.mcp.tasks.max-result-size must be a positive"), message);
    }
}
