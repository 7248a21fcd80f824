package org.statelessmcp.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestStatesTest {

    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-26T00:00:00Z"), ZoneOffset.UTC);
    private static final RequestStates.Binding CALL = new RequestStates.Binding("tools/call", "book",
            Json.createObjectBuilder().add("restaurant", "Noma").add("people", 2).build(), "alice");
    private static final Map<String, RequestStates.Answer> ANSWERS = Map.of("when", new RequestStates.Answer(
            "elicitation/create", Json.createObjectBuilder().add("action", "accept").build()));

    private final RequestStates states = new RequestStates(SECRET, 60, NOW);

    @Test
    void sealedAnswersOpenForTheSameCall() throws Exception {
        assertEquals(ANSWERS, states.open(states.seal(CALL, ANSWERS), CALL));
    }

    @Test
    void anotherInstanceWithTheSameSecretOpensTheState() throws Exception {
        RequestStates other = new RequestStates(SECRET.clone(), 60, NOW);
        assertEquals(ANSWERS, other.open(states.seal(CALL, ANSWERS), CALL));
    }

    @Test
    void anInstanceWithAnotherSecretCannotOpenIt() {
        RequestStates other = new RequestStates("another-secret-of-thirty-two-bytes!".getBytes(StandardCharsets.UTF_8),
                60, NOW);
        assertThrows(RequestStates.InvalidState.class, () -> other.open(states.seal(CALL, ANSWERS), CALL));
    }

    @Test
    void argumentsInAnotherKeyOrderAreTheSameCall() throws Exception {
        JsonObject reordered = Json.createObjectBuilder().add("people", 2.0).add("restaurant", "Noma").build();
        RequestStates.Binding same = new RequestStates.Binding("tools/call", "book", reordered, "alice");
        assertEquals(ANSWERS, states.open(states.seal(CALL, ANSWERS), same));
    }

    @Test
    void otherArgumentsAreAnotherCall() {
        RequestStates.Binding other = new RequestStates.Binding("tools/call", "book",
                Json.createObjectBuilder().add("restaurant", "Noma").add("people", 3).build(), "alice");
        assertThrows(RequestStates.InvalidState.class, () -> states.open(states.seal(CALL, ANSWERS), other));
    }

    @Test
    void anotherCallerCannotUseTheState() {
        RequestStates.Binding mallory = new RequestStates.Binding("tools/call", "book", CALL.arguments(), "mallory");
        assertThrows(RequestStates.InvalidState.class, () -> states.open(states.seal(CALL, ANSWERS), mallory));
    }

    @Test
    void anExpiredStateIsRefused() {
        String sealed = states.seal(CALL, ANSWERS);
        RequestStates later = new RequestStates(SECRET, 60, Clock.offset(NOW, java.time.Duration.ofSeconds(61)));
        RequestStates.InvalidState refused = assertThrows(RequestStates.InvalidState.class,
                () -> later.open(sealed, CALL));
        assertEquals("requestState has expired; call again without it", refused.getMessage());
    }

    @Test
    void everyAlteredCharacterIsDetected() {
        String sealed = states.seal(CALL, ANSWERS);
        // the last character may carry padding bits only, which decoding ignores
        for (int i = 0; i < sealed.length() - 1; i++) {
            char replacement = sealed.charAt(i) == 'A' ? 'B' : 'A';
            String altered = sealed.substring(0, i) + replacement + sealed.substring(i + 1);
            assertThrows(RequestStates.InvalidState.class, () -> states.open(altered, CALL), "position " + i);
        }
    }

    @Test
    void garbageIsRefusedNotThrown() {
        assertThrows(RequestStates.InvalidState.class, () -> states.open("not base64 at all!", CALL));
        assertThrows(RequestStates.InvalidState.class, () -> states.open("", CALL));
    }

    @Test
    void sealingTwiceGivesDifferentStates() {
        assertNotEquals(states.seal(CALL, ANSWERS), states.seal(CALL, ANSWERS));
    }

    @Test
    void aShortSecretIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new RequestStates("short".getBytes(StandardCharsets.UTF_8), 60, NOW));
    }
}
