package org.statelessmcp.security;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.statelessmcp.protocol.JsonP;

/**
 * OAuth 2.0 Protected Resource Metadata (RFC 9728), as the MCP authorization specification expects of a resource
 * server: where clients get tokens for {@code /mcp}. Served at {@code /.well-known/oauth-protected-resource} and at
 * its path-suffixed form {@code /.well-known/oauth-protected-resource/mcp}, only when authorization servers are
 * configured ({@code smcp.auth.authorization-servers}); 404 otherwise. Validating their tokens is the server's realm's
 * work (MicroProfile JWT, say), with {@code smcp.auth.mechanism=container}.
 */
@WebServlet(urlPatterns = {"/.well-known/oauth-protected-resource", "/.well-known/oauth-protected-resource/*"})
public class ProtectedResource extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final String WELL_KNOWN = "/.well-known/oauth-protected-resource";

    @Inject
    transient SecurityConfig config;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String suffix = request.getPathInfo();
        if (config.authorizationServers().isEmpty() || (suffix != null && !suffix.equals("/mcp"))) {
            response.setStatus(404);
            write(response, "{\"error\":\"not_found\",\"message\":\"no protected resource metadata here\"}");
            return;
        }
        String metadata = JsonP.createObjectBuilder()
                .add("resource", resource(config, request))
                .add("authorization_servers", JsonP.createArrayBuilder(config.authorizationServers()))
                .add("bearer_methods_supported", JsonP.createArrayBuilder().add("header"))
                .add("resource_name", "stateless-mcp")
                .build().toString();
        response.setHeader("Cache-Control", "public, max-age=3600");
        write(response, metadata);
    }

    private static void write(HttpServletResponse response, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** The configured resource identifier, else this server's {@code /mcp} URL as the request reached it. */
    static String resource(SecurityConfig config, HttpServletRequest request) {
        if (config.resource().isPresent()) {
            return config.resource().get();
        }
        int port = request.getServerPort();
        boolean defaultPort = ("http".equals(request.getScheme()) && port == 80)
                || ("https".equals(request.getScheme()) && port == 443);
        String host = request.getServerName().contains(":") ? '[' + request.getServerName() + ']'
                : request.getServerName();
        return request.getScheme() + "://" + host + (defaultPort ? "" : ":" + port) + request.getContextPath()
                + "/mcp";
    }

    /** Where RFC 9728 puts the metadata of {@code resource}: the well-known path, then the resource's path. */
    static String metadataUrl(String resource) {
        URI uri = URI.create(resource);
        String path = uri.getRawPath() == null || uri.getRawPath().equals("/") ? "" : uri.getRawPath();
        return uri.getScheme() + "://" + uri.getRawAuthority() + WELL_KNOWN + path;
    }
}
