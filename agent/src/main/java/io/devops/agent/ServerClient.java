package io.devops.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The agent protocol over plain HTTP(S), so that it passes ordinary proxies. Network failures and
 * 5xx are {@link IOException}s (retry later); 401/403 and other 4xx are {@link Refused} (do not retry).
 */
final class ServerClient {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final URI server;
    private final HttpClient http;
    private final ObjectMapper json;
    private volatile String credential;

    ServerClient(URI server, HttpClient http, ObjectMapper json) {
        this.server = server;
        this.http = http;
        this.json = json;
    }

    void useCredential(String credential) {
        this.credential = credential;
    }

    JsonNode enrol(Object body) throws IOException, InterruptedException {
        return send("POST", "/api/v1/agent/enroll", body, REQUEST_TIMEOUT, false);
    }

    /** A waiting agent asks whether an admin approved its enrolment; it has no credential yet. */
    JsonNode claim(long enrollmentId, Object body) throws IOException, InterruptedException {
        return send("POST", "/api/v1/agent/enrollments/" + enrollmentId + "/claim", body, REQUEST_TIMEOUT, false);
    }

    void heartbeat() throws IOException, InterruptedException {
        send("POST", "/api/v1/agent/heartbeat", null, REQUEST_TIMEOUT, true);
    }

    void facts(JsonNode facts) throws IOException, InterruptedException {
        send("PUT", "/api/v1/agent/facts", json.createObjectNode().set("facts", facts), REQUEST_TIMEOUT, true);
    }

    /** Held by the server up to {@code waitSeconds}; the client waits a little longer than that. */
    JsonNode poll(Object body, int waitSeconds) throws IOException, InterruptedException {
        return send("POST", "/api/v1/agent/commands/poll", body, Duration.ofSeconds(waitSeconds + 15L), true);
    }

    void output(long commandId, Object body) throws IOException, InterruptedException {
        send("POST", "/api/v1/agent/commands/" + commandId + "/output", body, REQUEST_TIMEOUT, true);
    }

    JsonNode result(long commandId, Object body) throws IOException, InterruptedException {
        return send("POST", "/api/v1/agent/commands/" + commandId + "/result", body, REQUEST_TIMEOUT, true);
    }

    /** Health events; the server stores each once per condition, so a re-sent batch changes nothing. */
    void health(Object body) throws IOException, InterruptedException {
        send("POST", "/api/v1/agent/health-events", body, REQUEST_TIMEOUT, true);
    }

    byte[] script(String sha256) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(request("GET", "/api/v1/agent/scripts/" + sha256, null, REQUEST_TIMEOUT, true),
                HttpResponse.BodyHandlers.ofByteArray());
        check(response.statusCode(), new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
        return response.body();
    }

    private JsonNode send(String method, String path, Object body, Duration timeout, boolean authenticated)
            throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request(method, path, body, timeout, authenticated),
                HttpResponse.BodyHandlers.ofString());
        check(response.statusCode(), response.body());
        String text = response.body();
        return text == null || text.isBlank() ? json.nullNode() : json.readTree(text);
    }

    private HttpRequest request(String method, String path, Object body, Duration timeout, boolean authenticated)
            throws IOException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(server.resolve(path)).timeout(timeout)
                .header("Accept", "application/json")
                .header("User-Agent", "devops-agent/" + AgentMain.version());
        if (authenticated) {
            builder.header("Authorization", "Bearer " + credential);
        }
        if (body == null) {
            builder.method(method, method.equals("GET") ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString("{}"));
        } else {
            builder.method(method, HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
        }
        return builder.header("Content-Type", "application/json").build();
    }

    private void check(int status, String body) throws IOException {
        if (status >= 500 || status == 408 || status == 429) {
            throw new ServerError(status, detail(body));
        }
        if (status >= 400) {
            throw new Refused(status, detail(body));
        }
    }

    /** The problem's detail, or the start of whatever else came back (a proxy's HTML page). */
    private String detail(String body) {
        String detail;
        try {
            detail = json.readTree(body).path("detail").asText(body);
        } catch (IOException | RuntimeException e) {
            detail = body;
        }
        return detail == null || detail.length() <= 300 ? detail : detail.substring(0, 300) + "…";
    }

    /** The server was reached but could not serve the request now (5xx, 408, 429): retry later. */
    static final class ServerError extends IOException {
        ServerError(int status, String detail) {
            super("the server answered " + status + ": " + detail);
        }
    }

    /** The server refused the request itself: retrying the same request will not help. */
    static final class Refused extends RuntimeException {
        private final int status;

        Refused(int status, String detail) {
            super(status + ": " + detail);
            this.status = status;
        }

        int status() {
            return status;
        }

        boolean isUnauthorized() {
            return status == 401;
        }
    }
}
