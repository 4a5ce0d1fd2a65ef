import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * N simulated agents in one JVM, each with its own credential and node, speaking the real protocol
 * (enrol, long-poll, result). Times one command ('true') on all of them: from the fan-out request
 * to the last result the server has recorded (acknowledged). Run by scripts/bench/agent-dispatch.sh.
 */
public class AgentSwarm {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public static void main(String[] args) throws Exception {
        String server = args[0];
        String password = args[1];
        int n = Integer.parseInt(args[2]);
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        long serverPid = args.length > 4 ? Long.parseLong(args[4]) : -1;
        String basic = "Basic " + Base64.getEncoder().encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8));
        String bearer = "Bearer " + call(server, "POST", "/api/v1/api-tokens", basic, "{\"name\":\"bench-" + System.nanoTime() + "\"}")
                .get("token").asText();
        String token = call(server, "POST", "/api/v1/agent-enrollment-tokens", bearer,
                "{\"maxUses\":" + n + ",\"expiresInMinutes\":120}").get("token").asText();

        long enrolStart = System.nanoTime();
        List<long[]> agents = new ArrayList<>(); // {nodeId}
        List<String> credentials = new ArrayList<>();
        Semaphore inFlight = new Semaphore(16);
        List<CompletableFuture<JsonNode>> enrolments = new ArrayList<>();
        long salt = System.currentTimeMillis() / 1000 % 150;
        for (int i = 0; i < n; i++) {
            String ip = "127." + (100 + salt) + "." + (i / 256) + "." + (i % 256);
            inFlight.acquire();
            enrolments.add(async(server, "POST", "/api/v1/agent/enroll", null, "{\"enrollmentToken\":\"" + token
                    + "\",\"ip\":\"" + ip + "\",\"hostname\":\"sim-" + i + "\",\"facts\":{\"hostname\":\"sim-" + i + "\"}}")
                    .whenComplete((r, e) -> inFlight.release()));
        }
        for (CompletableFuture<JsonNode> enrolment : enrolments) {
            JsonNode body = enrolment.get();
            agents.add(new long[] {body.get("nodeId").asLong()});
            credentials.add("Bearer " + body.get("credential").asText());
        }
        System.out.printf("enrolled %d agents in %.1f s%n", n, (System.nanoTime() - enrolStart) / 1e9);

        ConcurrentHashMap<Long, Long> acknowledgedAt = new ConcurrentHashMap<>();
        AtomicLong pollsSent = new AtomicLong();
        for (int i = 0; i < n; i++) {
            poll(server, credentials.get(i), acknowledgedAt, pollsSent);
        }
        while (pollsSent.get() < n) {
            Thread.sleep(50);
        }
        Thread.sleep(1500); // the first polls register on the server

        StringBuilder nodeIds = new StringBuilder();
        for (long[] agent : agents) {
            nodeIds.append(nodeIds.length() == 0 ? "" : ",").append(agent[0]);
        }
        for (int round = 1; round <= rounds; round++) {
            acknowledgedAt.clear();
            double cpuBefore = cpuSeconds(serverPid);
            long start = System.nanoTime();
            JsonNode sent = call(server, "POST", "/api/v1/agent-commands", bearer, "{\"nodeIds\":[" + nodeIds
                    + "],\"command\":{\"script\":\"true\",\"timeoutSeconds\":120}}");
            long submitted = System.nanoTime();
            int expected = sent.get("commands").size();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (acknowledgedAt.size() < expected && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            long last = acknowledgedAt.values().stream().mapToLong(Long::longValue).max().orElse(System.nanoTime());
            long firstDelivered = DELIVERED_AT.values().stream().mapToLong(Long::longValue).min().orElse(0);
            long lastDelivered = DELIVERED_AT.values().stream().mapToLong(Long::longValue).max().orElse(0);
            DELIVERED_AT.clear();
            System.out.printf("  delivered from %.0f to %.0f ms%n", (firstDelivered - start) / 1e6, (lastDelivered - start) / 1e6);
            Thread.sleep(300);
            System.out.printf("round %d: N=%d  fan-out request %.0f ms, last result recorded after %.0f ms (%.2f ms per node), server CPU %.1f s%s%n",
                    round, n, (submitted - start) / 1e6, (last - start) / 1e6, (last - start) / 1e6 / n, cpuSeconds(serverPid) - cpuBefore,
                    acknowledgedAt.size() < expected ? "  INCOMPLETE: " + acknowledgedAt.size() + "/" + expected : "");
        }
        double idleBefore = cpuSeconds(serverPid);
        Thread.sleep(10_000);
        System.out.printf("idle with %d held polls: server CPU %.0f%% of one core%n", n, (cpuSeconds(serverPid) - idleBefore) * 10);
        System.exit(0);
    }

    /** One simulated agent's loop: poll, answer every command with exit 0 at once, poll again. */
    static final ConcurrentHashMap<Long, Long> DELIVERED_AT = new ConcurrentHashMap<>();

    static void poll(String server, String credential, ConcurrentHashMap<Long, Long> acknowledgedAt, AtomicLong pollsSent) {
        pollsSent.incrementAndGet();
        async(server, "POST", "/api/v1/agent/commands/poll", credential, "{\"held\":[],\"waitSeconds\":25}")
                .thenCompose(answer -> {
                    List<CompletableFuture<JsonNode>> results = new ArrayList<>();
                    for (JsonNode command : answer.path("commands")) {
                        long id = command.get("id").asLong();
                        DELIVERED_AT.put(id, System.nanoTime());
                        results.add(async(server, "POST", "/api/v1/agent/commands/" + id + "/result", credential,
                                "{\"outcome\":\"EXITED\",\"exitCode\":0,\"durationMs\":1,\"chunks\":0}")
                                .whenComplete((r, e) -> {
                                    if (e == null) {
                                        acknowledgedAt.put(id, System.nanoTime());
                                    }
                                }));
                    }
                    return CompletableFuture.allOf(results.toArray(CompletableFuture[]::new));
                })
                .whenComplete((r, e) -> {
                    if (e != null) {
                        System.err.println("poll failed: " + e);
                        CompletableFuture.delayedExecutor(1, TimeUnit.SECONDS).execute(() -> poll(server, credential, acknowledgedAt, pollsSent));
                    } else {
                        poll(server, credential, acknowledgedAt, pollsSent);
                    }
                });
    }

    /** utime + stime of a process from /proc, in seconds (-1 when unknown). */
    static double cpuSeconds(long pid) {
        if (pid < 0) {
            return -1;
        }
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
        } catch (Exception e) {
            return -1;
        }
    }

    static JsonNode call(String server, String method, String path, String authorization, String body) throws Exception {
        return async(server, method, path, authorization, body).get();
    }

    static CompletableFuture<JsonNode> async(String server, String method, String path, String authorization, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString()).thenApply(response -> {
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(method + " " + path + " -> " + response.statusCode() + " " + response.body());
            }
            try {
                return response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
