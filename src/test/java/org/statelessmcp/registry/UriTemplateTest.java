package org.statelessmcp.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UriTemplateTest {

    private final UriTemplate template = new UriTemplate("test://template/{id}/data.{format}");

    @Test
    void variablesAreNamedInOrder() {
        assertEquals(List.of("id", "format"), template.variables());
    }

    @Test
    void matchingUriGivesEachVariableItsSegment() {
        assertEquals(Map.of("id", "123", "format", "json"), template.match("test://template/123/data.json"));
    }

    @Test
    void variableDoesNotSpanSegments() {
        assertNull(template.match("test://template/1/2/data.json"));
    }

    @Test
    void literalPartsMustMatchExactlyEvenWithRegexCharacters() {
        assertNull(template.match("test://template/123/dataXjson"));
    }
}
