package org.statelessmcp.mcp;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.statelessmcp.dispatch.PendingAnswer;
import org.statelessmcp.protocol.JsonP;
import org.statelessmcp.protocol.JsonRpcError;

/**
 * A list result ({@code tools/list}, {@code prompts/list}, ...) cut into pages with opaque cursors. The lists never
 * change after deployment, so every page is rendered once and any instance answers any cursor the same way.
 */
final class PagedList {

    private final String kind;
    private final List<String> pages;

    /**
     * @param kind the result's member name, e.g. {@code tools}
     * @param pageSize the most items on a page
     */
    PagedList(String kind, List<JsonObject> items, int pageSize) {
        this.kind = kind;
        List<String> rendered = new ArrayList<>();
        int size = Math.max(pageSize, 1);
        for (int start = 0; start == 0 || start < items.size(); start += size) {
            JsonArrayBuilder page = JsonP.createArrayBuilder();
            items.subList(start, Math.min(start + size, items.size())).forEach(page::add);
            var result = JsonP.createObjectBuilder().add(kind, page);
            if (start + size < items.size()) {
                result.add("nextCursor", cursor(rendered.size() + 1));
            }
            rendered.add(result.build().toString());
        }
        this.pages = List.copyOf(rendered);
    }

    /** The page named by {@code params.cursor}, the first without one; an unknown cursor is {@code -32602}. */
    PendingAnswer page(JsonObject params) {
        JsonValue cursor = params.get("cursor");
        if (cursor == null || cursor.getValueType() == JsonValue.ValueType.NULL) {
            return PendingAnswer.result(pages.get(0));
        }
        int index = cursor instanceof JsonString text ? index(text.getString()) : -1;
        if (index < 1 || index >= pages.size()) {
            return PendingAnswer.error(JsonRpcError.invalidParams("invalid cursor for " + kind + "/list"));
        }
        return PendingAnswer.result(pages.get(index));
    }

    private String cursor(int index) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((kind + ':' + index).getBytes(StandardCharsets.UTF_8));
    }

    private int index(String cursor) {
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            return decoded.startsWith(kind + ':') ? Integer.parseInt(decoded.substring(kind.length() + 1)) : -1;
        } catch (IllegalArgumentException malformed) {
            return -1;
        }
    }
}
