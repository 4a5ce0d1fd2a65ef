package io.devops.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The reporter against a small real HTTP server that, like the platform, refuses bodies over a limit with 413. */
class ReporterTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Server server = new Server();

    @AfterEach
    void stop() {
        server.http.stop(0);
    }

    @Test
    void outputOverTheServersBodyLimitArrivesWholeInOrderWithTheResultAfterIt() throws Exception {
        server.limitBytes = 100_000; // far below the agent's own batch budget, and below one chunk of 3-byte characters
        Outbox outbox = new Outbox();
        outbox.open(1);
        String output = "abc\n".repeat(150_000) + "€".repeat(Outbox.MAX_CHUNK_CHARS) + "😀 done\n";
        outbox.append(1, "stdout", output);
        outbox.finish(1, new Outbox.Result("EXITED", 0, 5, null, 0));

        sendAll(outbox);

        assertThat(server.tooLarge).isPositive();
        assertThat(server.chunks.keySet()).containsExactlyElementsOf(IntStream.range(0, server.chunks.size()).boxed().toList());
        assertThat(String.join("", server.chunks.values())).isEqualTo(output);
        assertThat(server.result.get("outcome").asText()).isEqualTo("EXITED");
        assertThat(server.result.get("chunks").asInt()).isEqualTo(server.chunks.size());
        assertThat(server.resultAfterChunks).isEqualTo(server.chunks.size());
        assertThat(outbox.isEmpty()).isTrue();
    }

    @Test
    void outputTheServerRefusesDoesNotHoldBackTheResult() throws Exception {
        server.refuseContaining = "\u0000";
        Outbox outbox = new Outbox();
        outbox.open(2);
        outbox.append(2, "stdout", "before\n");
        outbox.append(2, "stderr", "bad \u0000 byte\n");
        outbox.finish(2, new Outbox.Result("EXITED", 1, 5, null, 0));

        sendAll(outbox);

        assertThat(server.result.get("exitCode").asInt()).isEqualTo(1);
        assertThat(server.result.get("message").asText()).isEqualTo("the server refused 11 characters of output: 400: bad chunk");
        assertThat(String.join("", server.chunks.values()))
                .isEqualTo("before\n[agent] the server refused 11 characters of output: 400: bad chunk\n");
        assertThat(outbox.isEmpty()).isTrue();
    }

    @Test
    void healthEventsWaitWhileTheServerIsDownAndLeaveOnceItStoredThem() throws Exception {
        Outbox outbox = new Outbox();
        HealthEvent xid = new HealthEvent("xid", "79", "0000:18:00", "CRITICAL", "Xid 79", "NVRM: Xid (PCI:0000:18:00): 79",
                "2026-12-07T10:00:00Z", "2026-12-07T10:00:00Z", 1, true);
        outbox.health(List.of(xid));
        Reporter reporter = new Reporter(new ServerClient(server.uri(), HttpClient.newHttpClient(), JSON), outbox, refused -> {
            throw new AssertionError(refused);
        });
        server.healthStatus = 503; // restarting

        org.assertj.core.api.Assertions.assertThatThrownBy(reporter::sendDue).isInstanceOf(IOException.class);
        assertThat(outbox.pendingHealth()).containsExactly(xid);

        server.healthStatus = 200;
        reporter.sendDue();
        assertThat(server.health).singleElement().satisfies(event -> {
            assertThat(event.get("code").asText()).isEqualTo("79");
            assertThat(event.get("firstSeen").asText()).isEqualTo("2026-12-07T10:00:00Z");
        });
        assertThat(outbox.pendingHealth()).isEmpty();
    }

    private void sendAll(Outbox outbox) throws Exception {
        Reporter reporter = new Reporter(new ServerClient(server.uri(), HttpClient.newHttpClient(), JSON), outbox, refused -> {
            throw new AssertionError(refused);
        });
        for (int round = 0; round < 1000 && !outbox.isEmpty(); round++) {
            reporter.sendDue();
        }
    }

    /** Stores chunks by seq like the platform (a seq is stored once) and the result. */
    private static final class Server {
        final HttpServer http;
        final TreeMap<Integer, String> chunks = new TreeMap<>();
        volatile int limitBytes = Integer.MAX_VALUE;
        volatile String refuseContaining;
        volatile int healthStatus = 200;
        final List<JsonNode> health = new ArrayList<>();
        int tooLarge;
        JsonNode result;
        int resultAfterChunks = -1;

        Server() {
            try {
                http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            http.createContext("/", this::handle);
            http.start();
        }

        URI uri() {
            return URI.create("http://127.0.0.1:" + http.getAddress().getPort());
        }

        private synchronized void handle(HttpExchange exchange) throws IOException {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getPath();
            if (body.length > limitBytes) {
                tooLarge++;
                answer(exchange, 413, "{\"detail\":\"larger than " + limitBytes + " bytes\"}");
                return;
            }
            JsonNode request = JSON.readTree(body);
            if (path.endsWith("/health-events")) {
                if (healthStatus == 200) {
                    request.get("events").forEach(health::add);
                }
                answer(exchange, healthStatus, healthStatus == 200 ? "{\"stored\":1}" : "{\"detail\":\"restarting\"}");
            } else if (path.endsWith("/output")) {
                List<JsonNode> received = new ArrayList<>();
                request.get("chunks").forEach(received::add);
                if (refuseContaining != null && received.stream().anyMatch(c -> c.get("content").asText().contains(refuseContaining))) {
                    answer(exchange, 400, "{\"detail\":\"bad chunk\"}");
                    return;
                }
                received.forEach(chunk -> chunks.putIfAbsent(chunk.get("seq").asInt(), chunk.get("content").asText()));
                answer(exchange, 200, "{\"stored\":" + received.size() + "}");
            } else {
                result = request;
                resultAfterChunks = chunks.size();
                answer(exchange, 200, "{\"status\":\"SUCCEEDED\"}");
            }
        }

        private static void answer(HttpExchange exchange, int status, String json) throws IOException {
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        }
    }
}
