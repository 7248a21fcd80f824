package org.statelessmcp.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A plain HTTP client for the deployed WAR, for what the test kit does not send: raw bytes, bodies of unknown length,
 * a response read line by line as it arrives, a raw socket to disconnect.
 */
final class WireClient {

    // HTTP/1.1 as curl and most scripts speak it: no h2c upgrade multiplexing the tests' requests
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final URI base;

    WireClient(URL deployment) {
        // Payara Micro may report a non-loopback address for itself; the server listens on loopback only
        this.base = URI.create("http://127.0.0.1:" + deployment.getPort() + deployment.getPath());
    }

    URI uri(String path) {
        return base.resolve(path.startsWith("/") ? path.substring(1) : path);
    }

    HttpRequest.Builder postRequest(String body) {
        return HttpRequest.newBuilder(uri("mcp"))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    HttpResponse<String> send(HttpRequest request) {
        return exchange(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Opens a response and hands back its body unread, for tests that watch lines arrive. */
    HttpResponse<InputStream> open(HttpRequest request) {
        return exchange(request, HttpResponse.BodyHandlers.ofInputStream());
    }

    private <T> HttpResponse<T> exchange(HttpRequest request, HttpResponse.BodyHandler<T> body) {
        try {
            return http.send(request, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Sends a request on a raw socket, with nothing reading ahead on the test's behalf, and hands back the socket;
     * closing it is a real client disconnect.
     */
    java.net.Socket rawPost(String body) {
        try {
            java.net.Socket socket = new java.net.Socket("127.0.0.1", base.getPort());
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            socket.getOutputStream().write(("POST " + uri("mcp").getPath() + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + bytes.length + "\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().write(bytes);
            socket.getOutputStream().flush();
            return socket;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonObject object(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
