package org.statelessmcp.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class RequestIdsTest {

    @Test
    void aNewIdIsAVersion4UuidOfTheIetfVariant() {
        UUID id = UUID.fromString(RequestIds.newId());
        assertEquals(4, id.version());
        assertEquals(2, id.variant());
    }

    @Test
    void newIdsDiffer() {
        assertNotEquals(RequestIds.newId(), RequestIds.newId());
    }
}
