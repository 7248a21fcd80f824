package org.statelessmcp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.List;

/** What {@code ts-sdk2-client.mjs} saw when its requests alternated between two instances. */
final class RoundTrips {

    private RoundTrips() {
    }

    /**
     * Asserts that {@code greet}'s 2026-07-28 round trip completed, its two rounds (the last two requests) begun on one
     * instance and completed on the other.
     */
    static void assertGreetResumedOnTheOtherInstance(JsonObject seen) {
        assertEquals("Hello, Ada!", seen.getString("greet"), seen.toString());
        List<String> requests = seen.getJsonArray("httpRequests").getValuesAs(JsonString.class).stream()
                .map(JsonString::getString).toList();
        String firstRound = requests.get(requests.size() - 2);
        String secondRound = requests.get(requests.size() - 1);
        assertTrue(firstRound.startsWith("POST tools/call(greet) :") && secondRound.startsWith(
                "POST tools/call(greet)+inputResponses :"), requests.toString());
        assertNotEquals(port(firstRound), port(secondRound), requests.toString());
    }

    private static String port(String request) {
        return request.replaceAll(".* :(\\d+) -> .*", "$1");
    }
}
