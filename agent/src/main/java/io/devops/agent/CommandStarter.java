package io.devops.agent;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Turns delivered commands into running processes: gets the script (inline or fetched by hash),
 * checks its SHA-256, caches it under {@code <work dir>/scripts}, and runs it on its own thread.
 */
final class CommandStarter {

    private final Path workDir;
    private final ServerClient client;
    private final Outbox outbox;
    private final Map<Long, CommandRun> runs;
    private final ExecutorService threads = Executors.newCachedThreadPool(body -> {
        Thread thread = new Thread(body, "command");
        thread.setDaemon(true);
        return thread;
    });

    CommandStarter(Path workDir, ServerClient client, Outbox outbox, Map<Long, CommandRun> runs) {
        this.workDir = workDir;
        this.client = client;
        this.outbox = outbox;
        this.runs = runs;
    }

    void start(JsonNode command) {
        long id = command.get("id").asLong();
        if (runs.containsKey(id) || outbox.ids().contains(id)) {
            return;
        }
        outbox.open(id);
        List<String> args = new ArrayList<>();
        command.path("args").forEach(a -> args.add(a.asText()));
        Map<String, String> env = new LinkedHashMap<>();
        command.path("env").fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
        String runAs = RunAs.nameOf(command.path("runAs").asText(null)).orElse(null);
        Path directory = command.hasNonNull("workdir") ? Path.of(command.get("workdir").asText())
                : runAs != null ? null : workDir.resolve("commands").resolve(Long.toString(id));
        Duration timeout = Duration.ofSeconds(command.path("timeoutSeconds").asLong(3600));
        String sha = command.get("scriptSha256").asText();
        String inline = command.hasNonNull("scriptBase64") ? command.get("scriptBase64").asText() : null;
        CommandRun run = new CommandRun(id, new CommandRun.Spec(workDir.resolve("scripts").resolve(sha), args, env,
                directory, timeout, runAs), outbox);
        runs.put(id, run);
        threads.execute(() -> {
            try {
                script(sha, inline);
                run.run();
            } catch (IOException | InterruptedException | RuntimeException e) {
                outbox.finish(id, new Outbox.Result("FAILED_TO_START", null, 0, e.getMessage(), 0));
            } finally {
                runs.remove(id);
            }
        });
    }

    void cancel(long id) {
        CommandRun run = runs.get(id);
        if (run != null) {
            // Killing waits for the grace period: not on the poll loop's thread.
            threads.execute(() -> run.stop("CANCELLED"));
        } else if (outbox.ids().contains(id)) {
            Log.info("command " + id + " already ended; its result is on its way");
        } else {
            outbox.open(id);
            outbox.finish(id, new Outbox.Result("CANCELLED", null, 0, "the agent was not running it", 0));
        }
    }

    private Path script(String sha, String inline) throws IOException, InterruptedException {
        Path cached = workDir.resolve("scripts").resolve(sha);
        if (Files.exists(cached) && sha256(Files.readAllBytes(cached)).equals(sha)) {
            return cached;
        }
        byte[] content = inline != null ? Base64.getDecoder().decode(inline) : client.script(sha);
        String actual = sha256(content);
        if (!actual.equals(sha)) {
            throw new IOException("the script's SHA-256 is " + actual + ", not " + sha + ": refusing to run it");
        }
        Files.createDirectories(cached.getParent());
        Path temp = Files.createTempFile(cached.getParent(), sha, ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Files.write(temp, content);
        Files.move(temp, cached, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return cached;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
