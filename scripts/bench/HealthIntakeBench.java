import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * N simulated agents (one JVM, each with its own credential and node) reporting health through the
 * real agent endpoint, POST /api/v1/agent/health-events, each once per window, their reports spread
 * evenly over the window: N = 1,000 and a 60 s window is the fleet of the issue at its real rate,
 * not compressed. Every OPEN_EVERY-th agent has open conditions and re-sends them with a later
 * lastSeen and a higher count (as the agent's resend does); the others send an empty report, which a
 * real agent would not send at all (so this is an upper bound on the intake's load). Measures the
 * server's CPU per window (utime + stime from /proc) as % of one core, after an idle window for the
 * floor. Then, with the swarm still reporting, one READY node reports an Xid 79 and the bench times
 * how long until its lifecycle state is REPAIR. Run by scripts/bench/health-intake.sh, compiled with
 * {@link AgentSwarm}, whose request helper and /proc reading it shares.
 */
public class HealthIntakeBench {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
    /** One JDK HttpClient does its I/O on one selector thread: agents are spread over several. */
    static final HttpClient[] AGENT_CLIENTS = java.util.stream.IntStream.range(0, 4)
            .mapToObj(i -> HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build()).toArray(HttpClient[]::new);
    static final int OPEN_EVERY = Integer.parseInt(System.getenv().getOrDefault("OPEN_EVERY", "10"));
    static final AtomicLong FAILURES = new AtomicLong();
    static final List<Long> LATENCIES_MICROS = Collections.synchronizedList(new ArrayList<>());

    record Agent(int index, long nodeId, String credential, Instant since) {
    }

    public static void main(String[] args) throws Exception {
        String server = args[0];
        String password = args[1];
        int n = Integer.parseInt(args[2]);
        int windowSeconds = Integer.parseInt(args[3]);
        int windows = Integer.parseInt(args[4]);
        long serverPid = Long.parseLong(args[5]);
        int drainWaitSeconds = Integer.parseInt(args[6]);
        String basic = "Basic " + Base64.getEncoder().encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8));
        String bearer = "Bearer " + call(server, "POST", "/api/v1/api-tokens", basic, "{\"name\":\"bench-" + System.nanoTime() + "\"}")
                .get("token").asText();
        List<Agent> agents = enrol(server, bearer, n);

        double idle = cpuPercent(serverPid, Math.min(windowSeconds, 10));
        System.out.printf("idle (%d agents enrolled, none reporting): server CPU %.1f%% of one core%n", n, idle);

        ScheduledExecutorService timer = Executors.newScheduledThreadPool(2);
        AtomicLong round = new AtomicLong();
        long periodNanos = TimeUnit.SECONDS.toNanos(windowSeconds);
        for (Agent agent : agents) {
            long offset = periodNanos * agent.index() / n; // spread evenly over the window
            timer.scheduleAtFixedRate(() -> report(server, agent, round.get()), offset, periodNanos, TimeUnit.NANOSECONDS);
        }
        timer.scheduleAtFixedRate(round::incrementAndGet, periodNanos, periodNanos, TimeUnit.NANOSECONDS);
        Thread.sleep(1000); // the first reports are under way
        List<Double> load = new ArrayList<>();
        for (int w = 1; w <= windows; w++) {
            LATENCIES_MICROS.clear();
            double percent = cpuPercent(serverPid, windowSeconds);
            load.add(percent);
            List<Long> latencies;
            synchronized (LATENCIES_MICROS) {
                latencies = new ArrayList<>(LATENCIES_MICROS);
            }
            Collections.sort(latencies);
            System.out.printf("window %d: %d reports in %d s, server CPU %.1f%% of one core; report answered in median %.1f ms, p99 %.1f ms; failed so far %d%n",
                    w, latencies.size(), windowSeconds, percent, quantile(latencies, 0.5) / 1e3, quantile(latencies, 0.99) / 1e3,
                    FAILURES.get());
        }
        Collections.sort(load);
        System.out.printf("server CPU with %d agents reporting every %d s: median %.1f%%, range %.1f-%.1f%% of one core over %d windows (idle %.1f%%)%n",
                n, windowSeconds, load.get(load.size() / 2), load.get(0), load.get(load.size() - 1), load.size(), idle);

        timeDrain(server, bearer, agents.get(0), drainWaitSeconds);
        timer.shutdownNow();
        System.exit(FAILURES.get() == 0 ? 0 : 1);
    }

    static List<Agent> enrol(String server, String bearer, int n) throws Exception {
        long tenant = call(server, "POST", "/api/v1/tenants", bearer, "{\"name\":\"bench_" + System.nanoTime() + "\"}").get("id").asLong();
        long pool = call(server, "POST", "/api/v1/node-pools", bearer, "{\"name\":\"bench_" + System.nanoTime() + "\",\"tenantId\":"
                + tenant + "}").get("id").asLong();
        String token = call(server, "POST", "/api/v1/agent-enrollment-tokens", bearer, "{\"maxUses\":" + n
                + ",\"expiresInMinutes\":120,\"nodePoolId\":" + pool + "}").get("token").asText();
        long start = System.nanoTime();
        List<JsonNode> answers = AgentSwarm.enrol(server, token, n);
        List<Agent> agents = new ArrayList<>();
        Instant since = Instant.now().minusSeconds(3600);
        for (int i = 0; i < n; i++) {
            agents.add(new Agent(i, answers.get(i).get("nodeId").asLong(), "Bearer " + answers.get(i).get("credential").asText(), since));
        }
        System.out.printf("enrolled %d agents in %.1f s%n", n, (System.nanoTime() - start) / 1e9);
        return agents;
    }

    /** One report of one agent: its open conditions re-sent (every OPEN_EVERY-th agent), or nothing open. */
    static void report(String server, Agent agent, long round) {
        String events = agent.index() % OPEN_EVERY == 1 ? openConditions(agent, round) : "";
        long start = System.nanoTime();
        async(AGENT_CLIENTS[agent.index() % AGENT_CLIENTS.length], server, "POST", "/api/v1/agent/health-events", agent.credential(),
                "{\"events\":[" + events + "]}").whenComplete((r, e) -> {
                    if (e != null) {
                        if (FAILURES.incrementAndGet() <= 5) {
                            System.err.println("report failed: " + e);
                        }
                    } else {
                        LATENCIES_MICROS.add((System.nanoTime() - start) / 1000);
                    }
                });
    }

    static String openConditions(Agent agent, long round) {
        Instant now = Instant.now();
        return event("pcie", "replay", "0000:18:00", "WARNING", "PCIe replay counter rising", agent.since(), now, round + 1, true)
                + "," + event("gpu", "ecc-sbe", "0000:3b:00", "WARNING", "Single-bit ECC errors corrected", agent.since(), now, round + 1, true);
    }

    static String event(String component, String code, String subject, String severity, String message, Instant first, Instant last,
                        long count, boolean open) {
        return "{\"component\":\"" + component + "\",\"code\":\"" + code + "\",\"subject\":\"" + subject + "\",\"severity\":\"" + severity
                + "\",\"message\":\"" + message + "\",\"evidence\":\"bench\",\"firstSeen\":\"" + first + "\",\"lastSeen\":\"" + last
                + "\",\"count\":" + count + ",\"open\":" + open + "}";
    }

    /**
     * The node of {@code agent} made READY by hand (MAINTENANCE, TESTING, READY: the states a drain
     * starts from), then its Xid 79; polls its lifecycle state until REPAIR or the wait is over.
     */
    static void timeDrain(String server, String bearer, Agent agent, int waitSeconds) throws Exception {
        for (String to : List.of("MAINTENANCE", "TESTING", "READY")) {
            call(server, "POST", "/api/v1/nodes/" + agent.nodeId() + "/lifecycle", bearer, "{\"to\":\"" + to
                    + "\",\"reason\":\"health-intake bench\"}");
        }
        Instant now = Instant.now();
        long start = System.nanoTime();
        call(AGENT_CLIENTS[0], server, "POST", "/api/v1/agent/health-events", agent.credential(), "{\"events\":[" + event("xid", "79",
                "0000:18:00", "CRITICAL", "Xid 79: GPU has fallen off the bus", now, now, 1, true) + "]}");
        double reported = (System.nanoTime() - start) / 1e6;
        long deadline = start + TimeUnit.SECONDS.toNanos(waitSeconds);
        String state = "";
        while (System.nanoTime() < deadline) {
            state = call(server, "GET", "/api/v1/nodes/" + agent.nodeId(), bearer, null).path("lifecycle").asText();
            if ("REPAIR".equals(state)) {
                System.out.printf("Xid 79 on node %d: report answered in %.0f ms, node in REPAIR after %.0f ms%n", agent.nodeId(), reported,
                        (System.nanoTime() - start) / 1e6);
                return;
            }
            Thread.sleep(50);
        }
        boolean engine = status(server, "/api/v1/repair-recommendations", bearer) != 404;
        System.out.println(engine
                ? "not drained within " + waitSeconds + " s: the node is still " + state + " (see GET /api/v1/nodes/" + agent.nodeId()
                        + "/health for what the policy decided)"
                : "not drained: no decision engine on this build (node still " + state + " after " + waitSeconds + " s)");
    }

    static double quantile(List<Long> sorted, double q) {
        return sorted.isEmpty() ? Double.NaN : sorted.get((int) Math.min(sorted.size() - 1, Math.floor(q * sorted.size())));
    }

    /** The server's CPU over the next {@code seconds}, as % of one core. */
    static double cpuPercent(long pid, int seconds) throws Exception {
        double before = AgentSwarm.cpuSeconds(pid);
        long start = System.nanoTime();
        Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
        return (AgentSwarm.cpuSeconds(pid) - before) / ((System.nanoTime() - start) / 1e9) * 100;
    }

    static int status(String server, String path, String authorization) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(server + path)).header("Authorization", authorization).GET().build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    static JsonNode call(String server, String method, String path, String authorization, String body) throws Exception {
        return call(HTTP, server, method, path, authorization, body);
    }

    static JsonNode call(HttpClient http, String server, String method, String path, String authorization, String body) throws Exception {
        return async(http, server, method, path, authorization, body).get();
    }

    /** The agent swarm's request: JSON in and out, a failure for any answer but 2xx. */
    static CompletableFuture<JsonNode> async(HttpClient http, String server, String method, String path, String authorization,
                                             String body) {
        return AgentSwarm.async(http, server, method, path, authorization, body);
    }
}
