package org.statelessmcp.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.statelessmcp.dispatch.Outcome;
import org.statelessmcp.protocol.JsonRpcError;

class PagedListTest {

    private static final List<JsonObject> FIVE = IntStream.range(0, 5)
            .mapToObj(i -> Json.createObjectBuilder().add("name", "t" + i).build()).toList();

    private static JsonObject page(PagedList list, JsonObject params) {
        String json = ((Outcome.Success) list.page(params).outcome().join()).json();
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    @Test
    void followingNextCursorVisitsEveryItemOnce() {
        PagedList list = new PagedList("tools", FIVE, 2);
        List<String> names = new ArrayList<>();
        JsonObject page = page(list, JsonValue.EMPTY_JSON_OBJECT);
        while (true) {
            page.getJsonArray("tools").getValuesAs(JsonObject.class).forEach(t -> names.add(t.getString("name")));
            if (!page.containsKey("nextCursor")) {
                break;
            }
            page = page(list, Json.createObjectBuilder().add("cursor", page.getString("nextCursor")).build());
        }
        assertEquals(List.of("t0", "t1", "t2", "t3", "t4"), names);
    }

    @Test
    void listThatFitsOnOnePageHasNoCursor() {
        assertFalse(page(new PagedList("tools", FIVE, 100), JsonValue.EMPTY_JSON_OBJECT).containsKey("nextCursor"));
    }

    @Test
    void emptyListIsOneEmptyPage() {
        assertEquals("{\"prompts\":[]}", ((Outcome.Success) new PagedList("prompts", List.of(), 10)
                .page(JsonValue.EMPTY_JSON_OBJECT).outcome().join()).json());
    }

    @Test
    void foreignOrMalformedCursorIsInvalidParams() {
        PagedList list = new PagedList("tools", FIVE, 2);
        String promptsCursor = page(new PagedList("prompts", FIVE, 2), JsonValue.EMPTY_JSON_OBJECT)
                .getString("nextCursor");
        for (String cursor : List.of("garbage!", promptsCursor, "dG9vbHM6OTk")) {
            Outcome outcome = list.page(Json.createObjectBuilder().add("cursor", cursor).build()).outcome().join();
            assertEquals(JsonRpcError.INVALID_PARAMS, assertInstanceOf(Outcome.Failure.class, outcome).error().code());
        }
    }
}
