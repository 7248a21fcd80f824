package org.statelessmcp.api;

import java.util.Objects;

/**
 * A link to a resource the client may fetch: {@code {"type":"resource_link","uri":...,"name":...}}.
 *
 * <pre>{@code
 * return new ResourceLink("file:///reports/2026-q3.pdf", "Q3 report", "The quarterly report", "application/pdf");
 * }</pre>
 *
 * @param uri the resource's URI
 * @param name its name
 * @param description what it is, or {@code null}
 * @param mimeType its media type, or {@code null}
 */
public record ResourceLink(String uri, String name, String description, String mimeType) implements Content {

    public ResourceLink {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(name, "name");
    }
}
