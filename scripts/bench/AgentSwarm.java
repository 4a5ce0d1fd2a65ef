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
 * (enrol, long-poll, result). Times one command ('true') on all of them, two ways: from the fan-out
 * request to the last result the server has recorded (acknowledged), and as a job run with one
 * agent step over the pool of all N nodes, from the run request to the run's recorded end.
 * Run by scripts/bench/agent-dispatch.sh.
 */
public class AgentSwarm {

    static final ObjectMapper JSON = new ObjectMapper();
    /** The bench's own API calls; agents get clients of their own (see {@link #AGENT_CLIENTS}). */
    static final HttpClient HTTP = client();
    /**
     * One JDK HttpClient does all its I/O on one selector thread: with thousands of connections that
     * thread, not the server, sets the pace. So agents are spread over several clients.
     */
    static final HttpClient[] AGENT_CLIENTS = java.util.stream.IntStream.range(0, 8).mapToObj(i -> client())
            .toArray(HttpClient[]::new);
    /** Which kinds of rounds to run: fanout, result (run, results by /result), poll (run, results on the next poll). */
    static final java.util.Set<String> KINDS = java.util.Set.of(System.getenv().getOrDefault("KINDS", "fanout,result,poll").split(","));

    static HttpClient client() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
    }

    public static void main(String[] args) throws Exception {
        String server = args[0];
        String password = args[1];
        int n = Integer.parseInt(args[2]);
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        long serverPid = args.length > 4 ? Long.parseLong(args[4]) : -1;
        String basic = "Basic " + Base64.getEncoder().encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8));
        String bearer = "Bearer " + call(server, "POST", "/api/v1/api-tokens", basic, "{\"name\":\"bench-" + System.nanoTime() + "\"}")
                .get("token").asText();
        long tenant = call(server, "POST", "/api/v1/tenants", bearer, "{\"name\":\"bench_" + System.nanoTime() + "\"}")
                .get("id").asLong();
        long pool = call(server, "POST", "/api/v1/node-pools", bearer, "{\"name\":\"bench_" + System.nanoTime()
                + "\",\"tenantId\":" + tenant + "}").get("id").asLong();
        String token = call(server, "POST", "/api/v1/agent-enrollment-tokens", bearer,
                "{\"maxUses\":" + n + ",\"expiresInMinutes\":120,\"nodePoolId\":" + pool + "}").get("token").asText();

        long enrolStart = System.nanoTime();
        List<long[]> agents = new ArrayList<>(); // {nodeId}
        List<String> credentials = new ArrayList<>();
        for (JsonNode body : enrol(server, token, n)) {
            agents.add(new long[] {body.get("nodeId").asLong()});
            credentials.add("Bearer " + body.get("credential").asText());
        }
        System.out.printf("enrolled %d agents in %.1f s%n", n, (System.nanoTime() - enrolStart) / 1e9);

        ConcurrentHashMap<Long, Long> acknowledgedAt = new ConcurrentHashMap<>();
        AtomicLong pollsSent = new AtomicLong();
        for (int i = 0; i < n; i++) {
            poll(AGENT_CLIENTS[i % AGENT_CLIENTS.length], server, credentials.get(i), acknowledgedAt, pollsSent);
            if (i % 100 == 99) {
                Thread.sleep(20); // 5,000 connects at once overflow the listen backlog
            }
        }
        while (pollsSent.get() < n) {
            Thread.sleep(50);
        }
        Thread.sleep(1500); // the first polls register on the server

        StringBuilder nodeIds = new StringBuilder();
        for (long[] agent : agents) {
            nodeIds.append(nodeIds.length() == 0 ? "" : ",").append(agent[0]);
        }
        for (int round = 1; KINDS.contains("fanout") && round <= rounds; round++) {
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
        if (KINDS.contains("result")) {
            runRounds(server, bearer, pool, n, rounds, serverPid);
        }
        resultsOnPoll = true;
        if (KINDS.contains("poll")) {
            System.out.println("now with results carried on the next poll:");
            runRounds(server, bearer, pool, n, rounds, serverPid);
        }
        double idleBefore = cpuSeconds(serverPid);
        Thread.sleep(10_000);
        System.out.printf("polls failed (retried after 1 s): %d%n", POLL_FAILURES.get());
        System.out.printf("idle with %d held polls: server CPU %.0f%% of one core%n", n, (cpuSeconds(serverPid) - idleBefore) * 10);
        System.exit(0);
    }

    /** N agents enrolled with {@code token}, 16 at a time, each on its own loopback address: their enrolment answers, in order. */
    static List<JsonNode> enrol(String server, String token, int n) throws Exception {
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
        List<JsonNode> answers = new ArrayList<>();
        for (CompletableFuture<JsonNode> enrolment : enrolments) {
            answers.add(enrolment.get());
        }
        return answers;
    }

    /** A job with one agent step ('true') on the pool, run {@code rounds} times; each timed to the run's end. */
    static void runRounds(String server, String bearer, long pool, int n, int rounds, long serverPid) throws Exception {
        long shell = call(server, "POST", "/api/v1/shells", bearer, "{\"name\":\"bench_true_" + System.nanoTime()
                + "\",\"command\":\"true\",\"dispatch\":\"agent\",\"parameters\":[]}").get("id").asLong();
        long template = call(server, "POST", "/api/v1/templates", bearer, "{\"name\":\"bench_" + System.nanoTime()
                + "\",\"steps\":[{\"type\":\"script\",\"shellId\":" + shell + "}]}").get("id").asLong();
        long job = call(server, "POST", "/api/v1/jobs", bearer, "{\"name\":\"bench_" + System.nanoTime() + "\",\"items\":[{"
                + "\"templateId\":" + template + ",\"targets\":[{\"type\":\"node_pool\",\"id\":" + pool + "}]}]}").get("id").asLong();
        for (int round = 1; round <= rounds; round++) {
            double cpuBefore = cpuSeconds(serverPid);
            double swarmCpuBefore = cpuSeconds(ProcessHandle.current().pid());
            long start = System.nanoTime();
            long run = call(server, "POST", "/api/v1/jobs/" + job + "/runs", bearer, "{}").get("id").asLong();
            JsonNode state;
            do {
                Thread.sleep(20);
                // The runs list, not GET /runs/{id}: that one carries every node's result, 5,000 of them here.
                state = call(server, "GET", "/api/v1/runs?jobId=" + job + "&size=1", bearer, null).path("items").path(0);
            } while ((state.path("id").asLong() != run || !state.path("finishedAt").isTextual()) && System.nanoTime() - start < TimeUnit.SECONDS.toNanos(180));
            long seen = System.nanoTime();
            double recorded = java.time.Duration.between(java.time.Instant.parse(state.path("startedAt").asText()),
                    java.time.Instant.parse(state.path("finishedAt").asText())).toMillis();
            System.out.printf("run round %d: N=%d  run %d %s: request to end seen %.0f ms; run's own start to end %.0f ms; server CPU %.1f s, swarm CPU %.1f s%n",
                    round, n, run, state.path("status").asText(), (seen - start) / 1e6, recorded, cpuSeconds(serverPid) - cpuBefore,
                    cpuSeconds(ProcessHandle.current().pid()) - swarmCpuBefore);
        }
    }

    /** One simulated agent's loop: poll, answer every command with exit 0 at once, poll again. */
    static final ConcurrentHashMap<Long, Long> DELIVERED_AT = new ConcurrentHashMap<>();

    /** Off: results go by POST /result (three exchanges a command); on: with the next poll, as the agent sends quick ones. */
    static volatile boolean resultsOnPoll;
    static final AtomicLong POLL_FAILURES = new AtomicLong();

    static void poll(HttpClient http, String server, String credential, ConcurrentHashMap<Long, Long> acknowledgedAt,
                     AtomicLong pollsSent) {
        poll(http, server, credential, acknowledgedAt, pollsSent, "");
    }

    static void poll(HttpClient http, String server, String credential, ConcurrentHashMap<Long, Long> acknowledgedAt,
                     AtomicLong pollsSent, String finished) {
        pollsSent.incrementAndGet();
        async(http, server, "POST", "/api/v1/agent/commands/poll", credential, "{\"held\":[],\"waitSeconds\":25,\"finished\":["
                + finished + "]}")
                .thenCompose(answer -> {
                    List<CompletableFuture<JsonNode>> results = new ArrayList<>();
                    StringBuilder carried = new StringBuilder();
                    for (JsonNode command : answer.path("commands")) {
                        long id = command.get("id").asLong();
                        DELIVERED_AT.put(id, System.nanoTime());
                        if (resultsOnPoll) {
                            carried.append(carried.length() == 0 ? "" : ",").append("{\"id\":").append(id)
                                    .append(",\"result\":{\"outcome\":\"EXITED\",\"exitCode\":0,\"durationMs\":1,\"chunks\":0}}");
                            continue;
                        }
                        results.add(async(http, server, "POST", "/api/v1/agent/commands/" + id + "/result", credential,
                                "{\"outcome\":\"EXITED\",\"exitCode\":0,\"durationMs\":1,\"chunks\":0}")
                                .whenComplete((r, e) -> {
                                    if (e == null) {
                                        acknowledgedAt.put(id, System.nanoTime());
                                    }
                                }));
                    }
                    return CompletableFuture.allOf(results.toArray(CompletableFuture[]::new)).thenApply(done -> carried.toString());
                })
                .whenComplete((carried, e) -> {
                    if (e != null) {
                        if (POLL_FAILURES.incrementAndGet() <= 5) {
                            System.err.println("poll failed: " + e);
                        }
                        CompletableFuture.delayedExecutor(1, TimeUnit.SECONDS)
                                .execute(() -> poll(http, server, credential, acknowledgedAt, pollsSent, finished));
                    } else {
                        poll(http, server, credential, acknowledgedAt, pollsSent, carried);
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
        return async(HTTP, server, method, path, authorization, body);
    }

    static CompletableFuture<JsonNode> async(HttpClient http, String server, String method, String path, String authorization,
                                             String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString()).thenApply(response -> {
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
