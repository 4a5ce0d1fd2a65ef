package io.devops.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;

/**
 * The agent's life: enrol once (or load the stored credential), then heartbeat, report facts when
 * they change, long-poll for commands, run them and report their output and results, backing off
 * with jitter while the server is unreachable. A refused credential stops the agent (exit 3).
 */
final class Agent {

    static final int EXIT_CONFIG = 2;
    static final int EXIT_REFUSED = 3;
    static final int POLL_WAIT_SECONDS = 25;
    private static final Duration HEARTBEAT = Duration.ofSeconds(30);
    /** How long the poll loop waits for commands it just started before polling again. */
    static final Duration QUICK_COMMAND = Duration.ofMillis(250);
    private static final Duration FACTS_REFRESH = Duration.ofMinutes(10);

    private final AgentConfig config;
    private final ServerClient client;
    private final ObjectMapper json;
    private final CredentialStore credentials;
    private final Outbox outbox = new Outbox();
    private final Map<Long, CommandRun> runs = new ConcurrentHashMap<>();
    private final CommandStarter starter;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile int exitCode = -1;
    /** The facts sent at enrolment, so that the first refresh sends only a change. */
    private volatile String enrolmentFacts;

    Agent(AgentConfig config, ServerClient client, ObjectMapper json) {
        this.config = config;
        this.client = client;
        this.json = json;
        this.credentials = new CredentialStore(config.workDir());
        this.starter = new CommandStarter(config.workDir(), client, outbox, runs);
    }

    int run() throws InterruptedException {
        try {
            java.nio.file.Files.createDirectories(config.workDir());
            String credential = credentials.load().orElse(null);
            boolean enrolledNow = credential == null;
            if (credential == null) {
                credential = enrol();
            }
            client.useCredential(credential);
            daemon("heartbeat", () -> heartbeats(!enrolledNow));
            daemon("reporter", new Reporter(client, outbox, this::refused)::run);
            daemon("poller", this::pollLoop);
            if (config.health().enabled()) {
                daemon("health", new HealthMonitor(config.health(), outbox, config.workDir(), json, java.time.Clock.systemUTC())::run);
            }
        } catch (AgentStop stop) {
            return stop.code;
        } catch (CredentialStore.ExposedSecretException e) {
            Log.error(e.getMessage());
            return EXIT_CONFIG;
        } catch (IOException e) {
            Log.error("cannot use the work dir " + config.workDir() + ": " + e.getMessage());
            return 1;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            runs.values().forEach(run -> run.stop("CANCELLED"));
            stopped.countDown();
        }));
        stopped.await();
        return exitCode < 0 ? 0 : exitCode;
    }

    private String enrol() throws InterruptedException, IOException {
        Optional<CredentialStore.PendingClaim> waiting = credentials.loadPending();
        if (waiting.isPresent()) {
            Log.info("resuming the wait for an admin to approve pending enrolment " + waiting.get().enrollmentId());
            return awaitApproval(waiting.get());
        }
        if (config.enrollmentToken() == null) {
            Log.error("no credential in " + credentials.file() + " and no enrolment token: pass --enrollment-token");
            throw new AgentStop(EXIT_REFUSED);
        }
        String secret = newClaimSecret();
        ObjectNode request = json.createObjectNode();
        request.put("enrollmentToken", config.enrollmentToken());
        request.put("ip", nodeIp());
        request.put("hostname", FactsCollector.hostname());
        ObjectNode facts = new FactsCollector(json).collect();
        enrolmentFacts = facts.toString();
        request.set("facts", facts);
        request.put("agentVersion", AgentMain.version());
        request.put("claimSecret", secret);
        JsonNode answer = untilReached("enrol", () -> client.enrol(request));
        if ("PENDING".equals(answer.path("status").asText())) {
            CredentialStore.PendingClaim claim = new CredentialStore.PendingClaim(answer.get("enrollmentId").asLong(), secret);
            credentials.savePending(claim);
            Log.warn(answer.path("detail").asText("an admin must approve this enrolment") + "; waiting (an admin approves "
                    + "it with POST /api/v1/agent-enrollments/" + claim.enrollmentId() + "/approve)");
            return awaitApproval(claim);
        }
        return stored(answer);
    }

    /** Asks every few seconds, with the secret only this agent knows, until an admin has decided. */
    private String awaitApproval(CredentialStore.PendingClaim claim) throws InterruptedException, IOException {
        ObjectNode body = json.createObjectNode().put("claimSecret", claim.secret());
        while (true) {
            JsonNode answer = untilReached("claim its credential", () -> client.claim(claim.enrollmentId(), body));
            if (!"PENDING".equals(answer.path("status").asText())) {
                return stored(answer);
            }
            Thread.sleep(Math.max(1, answer.path("retrySeconds").asInt(5)) * 1000L);
        }
    }

    private String stored(JsonNode answer) throws IOException {
        credentials.save(answer.get("credential").asText());
        Log.info("enrolled as node " + answer.get("nodeId").asLong() + " (" + answer.get("ip").asText()
                + "); credential stored in " + credentials.file());
        return answer.get("credential").asText();
    }

    /** Retries a call with backoff while the server cannot be reached; a refusal stops the agent. */
    private JsonNode untilReached(String what, Call call) throws InterruptedException, IOException {
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(1));
        while (true) {
            try {
                return call.send();
            } catch (ServerClient.Refused refused) {
                Log.error("the server refused to let this agent " + what + ": " + refused.getMessage());
                credentials.clearPending();
                throw new AgentStop(EXIT_REFUSED);
            } catch (IOException e) {
                Duration wait = backoff.next();
                Log.warn("cannot reach " + config.server() + " to " + what + " (" + e + "); retrying in "
                        + wait.toMillis() + " ms");
                Thread.sleep(wait.toMillis());
            }
        }
    }

    /** 256 random bits: whoever holds them may claim this agent's credential once an admin approves it. */
    private static String newClaimSecret() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private interface Call {
        JsonNode send() throws IOException, InterruptedException;
    }

    /**
     * Polls in a loop. After starting commands it waits up to {@link #QUICK_COMMAND} before the
     * next poll, so that a quick command's output and result travel with that poll instead of in
     * requests of their own; a longer command's go through the reporter.
     */
    private void pollLoop() {
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(1));
        List<Long> started = List.of();
        while (exitCode < 0) {
            List<Outbox.Batch> finished = List.of();
            try {
                awaitQuickCommands(started);
                started = List.of();
                finished = outbox.claimFinished();
                Set<Long> held = new HashSet<>(runs.keySet());
                held.addAll(outbox.ids());
                finished.forEach(batch -> held.remove(batch.commandId()));
                ObjectNode request = json.createObjectNode();
                request.set("held", json.valueToTree(held));
                request.put("waitSeconds", POLL_WAIT_SECONDS);
                request.set("finished", json.valueToTree(finished.stream().map(Reporter::finished).toList()));
                JsonNode answer = client.poll(request, POLL_WAIT_SECONDS);
                finished.forEach(batch -> outbox.remove(batch.commandId()));
                if (backoff.failures() > 0) {
                    Log.info("connected to " + config.server() + " again");
                }
                backoff.reset();
                answer.path("cancel").forEach(id -> starter.cancel(id.asLong()));
                List<Long> ids = new ArrayList<>();
                answer.path("commands").forEach(command -> {
                    starter.start(command);
                    ids.add(command.get("id").asLong());
                });
                started = ids;
            } catch (ServerClient.Refused refused) {
                // Refused with results on board: the reporter sends them one by one, and drops only the refused ones.
                outbox.release(finished, true);
                if (refused.isUnauthorized()) {
                    refused(refused);
                    return;
                }
                sleep(backoff, "the server refused a poll: " + refused.getMessage());
            } catch (IOException e) {
                // The server answered but failed (it may be the ended commands' output it cannot store):
                // the reporter sends those on their own, so that later polls still bring commands and cancels.
                outbox.release(finished, e instanceof ServerClient.ServerError);
                sleep(backoff, "cannot reach " + config.server() + ": " + e);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void awaitQuickCommands(List<Long> started) throws InterruptedException {
        long deadline = System.nanoTime() + QUICK_COMMAND.toNanos();
        while (started.stream().anyMatch(runs::containsKey) && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }

    private void heartbeats(boolean sendFactsNow) {
        FactsCollector collector = new FactsCollector(json);
        String lastFacts = sendFactsNow ? null : enrolmentFacts;
        long nextFacts = sendFactsNow ? 0 : System.nanoTime() + FACTS_REFRESH.toNanos();
        while (exitCode < 0) {
            try {
                client.heartbeat();
                if (System.nanoTime() - nextFacts >= 0) {
                    ObjectNode facts = collector.collect();
                    if (!facts.toString().equals(lastFacts)) {
                        client.facts(facts);
                        lastFacts = facts.toString();
                    }
                    nextFacts = System.nanoTime() + FACTS_REFRESH.toNanos();
                }
            } catch (ServerClient.Refused refused) {
                if (refused.isUnauthorized()) {
                    refused(refused);
                    return;
                }
            } catch (IOException e) {
                // The poll loop reports the outage; heartbeats resume with it.
            } catch (InterruptedException e) {
                return;
            }
            try {
                Thread.sleep(HEARTBEAT.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void refused(ServerClient.Refused refused) {
        if (exitCode < 0) {
            exitCode = EXIT_REFUSED;
            Log.error("the server refused this agent's credential (" + refused.getMessage() + "); stopping. "
                    + "To enrol again, delete " + credentials.file() + " and start with a new --enrollment-token");
            runs.values().forEach(run -> run.stop("CANCELLED"));
            stopped.countDown();
        }
    }

    private void sleep(Backoff backoff, String reason) {
        Duration wait = backoff.next();
        if (backoff.failures() <= 3 || backoff.failures() % 10 == 0) {
            Log.warn(reason + "; retrying in " + wait.toMillis() + " ms");
        }
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The configured address, or the local address the route to the server leaves from. */
    private String nodeIp() {
        if (config.nodeIp() != null) {
            return config.nodeIp();
        }
        try (DatagramSocket socket = new DatagramSocket()) {
            int port = config.server().getPort() > 0 ? config.server().getPort() : 443;
            socket.connect(InetAddress.getByName(config.server().getHost()), port);
            return socket.getLocalAddress().getHostAddress();
        } catch (IOException e) {
            throw new IllegalStateException("cannot find this node's address; pass --node-ip", e);
        }
    }

    private static void daemon(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Ends {@link #run()} with an exit code. */
    static final class AgentStop extends RuntimeException {
        private final int code;

        AgentStop(int code) {
            super(null, null, false, false);
            this.code = code;
        }
    }
}
