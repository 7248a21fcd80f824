package org.statelessmcp.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class MaskingTest {

    private final Masking masking = new Masking(List.of("password", "secret", "token", "api_key", "authorization"));

    private static JsonValue json(String text) {
        return Json.createReader(new StringReader(text)).readValue();
    }

    @Test
    void namesMatchIgnoringCaseAndSeparators() {
        assertTrue(masking.isSecret("X-Api-Key"));
        assertTrue(masking.isSecret("apiKey"));
        assertTrue(masking.isSecret("client_secret"));
        assertTrue(masking.isSecret("Authorization"));
        assertTrue(masking.isSecret("refreshToken"));
        assertFalse(masking.isSecret("username"));
    }

    @Test
    void secretMembersAreMaskedAtAnyDepth() {
        assertEquals("{\"user\":\"ada\",\"password\":\"***\",\"nested\":[{\"apiKey\":\"***\",\"n\":1}]}",
                masking.mask(
                        json("{\"user\":\"ada\",\"password\":\"hunter2\",\"nested\":[{\"apiKey\":\"k1\",\"n\":1}]}"))
                        .toString());
    }

    @Test
    void secretObjectsAreMaskedWhole() {
        assertEquals("{\"token\":\"***\"}",
                masking.mask(json("{\"token\":{\"value\":\"t\",\"kind\":\"jwt\"}}")).toString());
    }

    @Test
    void pairsInFreeTextAreMasked() {
        assertEquals("login failed for user=ada password=*** at 10:00",
                masking.mask("login failed for user=ada password=hunter2 at 10:00"));
        assertEquals("{\"api_key\":\"***\",\"q\":\"x\"}", masking.mask("{\"api_key\":\"abc123\",\"q\":\"x\"}"));
        assertEquals("url?token=***&page=2", masking.mask("url?token=abc&page=2"));
    }

    @Test
    void textWithoutSecretsIsUnchanged() {
        String text = "Tool 'add' failed: a=1, b=two";
        assertEquals(text, masking.mask(text));
    }

    @Test
    void textNamingNoSecretWordIsReturnedAsItIs() {
        String line = "method=add tool=add status=200 durationMs=1 bytesIn=64 bytesOut=46";
        assertSame(line, masking.mask(line));
    }

    @Test
    void secretNamesWrittenWithSeparatorsOrCapitalsAreStillFound() {
        assertEquals("Api.Key=*** then X-AUTHORIZATION: ***",
                masking.mask("Api.Key=k1 then X-AUTHORIZATION: abc"));
    }
}
