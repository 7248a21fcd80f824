package org.statelessmcp.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import jakarta.json.JsonValue;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

    private static String canonical(String json) {
        try (var reader = JsonP.createReader(new StringReader(json))) {
            JsonValue value = reader.readValue();
            return CanonicalJson.of(value);
        }
    }

    @Test
    void membersAreSortedAndNumbersWrittenInOneNotation() {
        assertEquals("{\"a\":true,\"b\":[1.5,100,],}", canonical("{\"b\":[1.50,1E+2],\"a\":true}"));
        assertEquals(canonical("{\"b\":[1.50,100],\"a\":true}"), canonical("{\"a\":true,\"b\":[15e-1,100.0]}"));
    }

    @Test
    void differentValuesHaveDifferentTexts() {
        assertNotEquals(canonical("[1]"), canonical("[\"1\"]"));
        assertNotEquals(canonical("{\"a\":[1,2]}"), canonical("{\"a\":[2,1]}"));
    }

    @Test
    void aHugeExponentIsWrittenAsAnExponentNotAsItsDigits() {
        assertEquals("1E+99999999", canonical("1e99999999"));
        assertEquals("0", canonical("0.000e5"));
    }
}
