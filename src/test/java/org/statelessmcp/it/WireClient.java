package org.statelessmcp.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.StringReader;

/** A plain HTTP client for the deployed WAR: what a user's script does with curl, in Java. */
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

    HttpResponse<String> post(String body) {
        return send(postRequest(body).build());
    }

    HttpRequest.Builder postRequest(String body) {
        return HttpRequest.newBuilder(uri("mcp"))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).GET().build());
    }

    /** Sends without waiting: for calls that another request must reach while they run. */
    CompletableFuture<HttpResponse<String>> sendAsync(HttpRequest request) {
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Opens a response and hands back its body unread, for tests that watch lines arrive. */
    HttpResponse<InputStream> open(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A line of a streamed response and when it arrived. */
    record TimedLine(String text, long arrivedNanos) {
        JsonObject json() {
            return WireClient.object(text);
        }
    }

    /** Reads a streamed response line by line, noting when each line arrived. */
    List<TimedLine> streamLines(String body) {
        HttpResponse<InputStream> response = open(postRequest(body).build());
        List<TimedLine> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                lines.add(new TimedLine(line, System.nanoTime()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
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

    /** A tool call in the seed dialect. */
    static String call(Object id, String method, String params) {
        String idText = id instanceof String s ? '"' + s + '"' : String.valueOf(id);
        return "{\"jsonrpc\":\"2.0\",\"id\":" + idText + ",\"method\":\"" + method + "\""
                + (params == null ? "" : ",\"params\":" + params) + '}';
    }

    static JsonObject object(String json) {
        return (JsonObject) structure(json);
    }

    static JsonStructure structure(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.read();
        }
    }
}
