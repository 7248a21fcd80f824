package org.statelessmcp.dispatch;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import org.statelessmcp.api.AudioContent;
import org.statelessmcp.api.Content;
import org.statelessmcp.api.EmbeddedResource;
import org.statelessmcp.api.ImageContent;
import org.statelessmcp.api.ResourceLink;
import org.statelessmcp.api.TextContent;
import org.statelessmcp.protocol.JsonP;

/** The MCP JSON form of tool content. */
public final class ContentJson {

    private ContentJson() {
    }

    public static JsonObject of(Content content) {
        if (content instanceof TextContent text) {
            return JsonP.createObjectBuilder().add("type", "text").add("text", text.text()).build();
        }
        if (content instanceof ImageContent image) {
            return JsonP.createObjectBuilder().add("type", "image").add("data", image.data())
                    .add("mimeType", image.mimeType()).build();
        }
        if (content instanceof AudioContent audio) {
            return JsonP.createObjectBuilder().add("type", "audio").add("data", audio.data())
                    .add("mimeType", audio.mimeType()).build();
        }
        if (content instanceof ResourceLink link) {
            JsonObjectBuilder json = JsonP.createObjectBuilder().add("type", "resource_link").add("uri", link.uri())
                    .add("name", link.name());
            addIfPresent(json, "description", link.description());
            addIfPresent(json, "mimeType", link.mimeType());
            return json.build();
        }
        EmbeddedResource embedded = (EmbeddedResource) content;
        JsonObjectBuilder resource = JsonP.createObjectBuilder().add("uri", embedded.uri());
        addIfPresent(resource, "mimeType", embedded.mimeType());
        addIfPresent(resource, "text", embedded.text());
        addIfPresent(resource, "blob", embedded.blob());
        return JsonP.createObjectBuilder().add("type", "resource").add("resource", resource).build();
    }

    public static JsonArrayBuilder of(List<? extends Content> content) {
        JsonArrayBuilder array = JsonP.createArrayBuilder();
        content.forEach(piece -> array.add(of(piece)));
        return array;
    }

    /** Whether {@code value} is a non-empty list made only of content. */
    public static boolean isContentList(Object value) {
        return value instanceof List<?> list && !list.isEmpty() && list.stream().allMatch(Content.class::isInstance);
    }

    private static void addIfPresent(JsonObjectBuilder json, String name, String value) {
        if (value != null) {
            json.add(name, value);
        }
    }
}
