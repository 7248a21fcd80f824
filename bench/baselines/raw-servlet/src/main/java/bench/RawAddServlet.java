package bench;

import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The least a servlet can do to answer {@code add}: read the body with blocking I/O, parse it with JSON-P, answer
 * with one blocking write. Both dialects: the seed's ({@code "method":"add"}) and MCP's {@code tools/call}. No
 * validation beyond what the parse needs: this is the ceiling, not a server.
 */
@WebServlet("/mcp")
public class RawAddServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    /** Looked up once: {@code Json.createReader} finds the provider through a service loader on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();
    private static final JsonReaderFactory READERS = JSON.createReaderFactory(Map.of());
    private static final JsonBuilderFactory BUILDERS = JSON.createBuilderFactory(Map.of());

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        JsonObject call;
        try (InputStream in = request.getInputStream();
                JsonReader reader = READERS.createReader(in)) {
            call = reader.readObject();
        }
        JsonValue id = call.get("id");
        JsonObject params = call.getJsonObject("params");
        String body;
        if ("tools/call".equals(call.getString("method"))) {
            JsonObject arguments = params.getJsonObject("arguments");
            int sum = arguments.getInt("a") + arguments.getInt("b");
            body = BUILDERS.createObjectBuilder().add("jsonrpc", "2.0").add("id", id)
                    .add("result", BUILDERS.createObjectBuilder()
                            .add("content", BUILDERS.createArrayBuilder().add(BUILDERS.createObjectBuilder()
                                    .add("type", "text").add("text", "{\"result\":" + sum + "}")))
                            .add("structuredContent", BUILDERS.createObjectBuilder().add("result", sum))
                            .add("isError", false))
                    .build().toString();
        } else {
            int sum = params.getInt("a") + params.getInt("b");
            body = BUILDERS.createObjectBuilder().add("jsonrpc", "2.0")
                    .add("result", BUILDERS.createObjectBuilder().add("result", sum)).add("id", id).build().toString();
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.setContentType("application/json");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
