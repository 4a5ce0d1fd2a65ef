package io.devops.platform.ansible;

import io.devops.platform.ansible.PlaybookOutcome.Ending;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs {@code ansible-playbook} as a child process group, streams its output, and reads per-host
 * results from the shipped callback. Exit codes: 0 succeeded, 2 a task failed, 4 a host was
 * unreachable; a timeout or a cancel kills the whole group and says so in the output. SSH checks
 * every host's key against the recorded ones, or learns it on first contact ({@link HostKeyChecking}).
 */
@Service
public class AnsiblePlaybooks {

    static final String NOT_INSTALLED = "ansible-playbook not found: install ansible-core";
    private static final long POLL_MILLIS = 100;
    private static final int PROGRESS_EVERY_POLLS = 5;

    private final AnsibleProperties properties;
    private final JsonMapper json;
    private final Clock clock;

    AnsiblePlaybooks(AnsibleProperties properties, JsonMapper json, Clock clock) {
        this.properties = properties;
        this.json = json;
        this.clock = clock;
    }

    public PlaybookOutcome run(PlaybookRun run, OutputSink output, BooleanSupplier cancelRequested) {
        return run(run, output, cancelRequested, ProgressSink.NONE);
    }

    /** Runs the playbook, telling {@code progress} the task each host starts while it runs. */
    public PlaybookOutcome run(PlaybookRun run, OutputSink output, BooleanSupplier cancelRequested, ProgressSink progress) {
        Optional<Path> executable = executable();
        if (executable.isEmpty()) {
            output.line(NOT_INSTALLED + " (looked for '" + properties.playbookCommand() + "' on PATH)");
            return new PlaybookOutcome(Ending.NOT_INSTALLED, null, NOT_INSTALLED, List.of(), Map.of());
        }
        WorkDir dir = WorkDir.prepare(run, properties);
        try {
            return execute(executable.get(), run, dir, output, cancelRequested, progress);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start ansible-playbook", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return outcome(Ending.CANCELLED, null, "the server stopped while the playbook ran", dir);
        } finally {
            QuickSsh.closeMasters(HostKeyChecking.firstContactSockets(dir.ssh()));
            dir.removeSecrets();
            ExtraVarsFile.remove(dir.root());
            if (!run.extraVars().isEmpty()) {
                dir.removeEvents();
            }
        }
    }

    private PlaybookOutcome execute(Path executable, PlaybookRun run, WorkDir dir, OutputSink output,
                                    BooleanSupplier cancelRequested, ProgressSink progress) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(executable.toString(), "-i", "inventory.yml"));
        if (run.checkMode()) {
            command.add("--check");
        }
        if (!run.extraVars().isEmpty()) {
            command.addAll(List.of("--extra-vars", "@" + ExtraVarsFile.write(dir.root(), run.extraVars())));
        }
        command.add("playbook.yml");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.root().toFile()).redirectErrorStream(true);
        Map<String, String> own = new LinkedHashMap<>(run.environment());
        own.put("ANSIBLE_CONFIG", dir.config().toString());
        own.put("DEVOPS_EVENTS_FILE", dir.eventsFile().toString());
        own.put("ANSIBLE_FORCE_COLOR", "1");
        own.put("PYTHONUNBUFFERED", "1");
        ChildEnvironment.apply(builder, own);
        ProcessTree tree = ProcessTree.start(builder);
        Thread pump = new Thread(() -> pump(tree.process(), output), "ansible-output-" + tree.process().pid());
        pump.setDaemon(true);
        pump.start();
        try {
            return follow(tree, pump, run, dir, output, cancelRequested, progress);
        } catch (RuntimeException | Error failure) {
            // The cancel check reads the database, which may fail: the playbook must not outlive the
            // step, or the step's leases would be freed while its processes still act on the nodes.
            output.line("[platform] the step failed while the playbook ran (" + failure.getMessage()
                    + "): stopping ansible-playbook and every process it started");
            tree.kill(properties.killGrace());
            pump.join(properties.killGrace().toMillis());
            throw failure;
        } catch (InterruptedException stopping) {
            // The server is stopping: nothing of the step may run on without it.
            Thread.interrupted();
            tree.kill(properties.killGrace());
            Thread.currentThread().interrupt();
            throw stopping;
        }
    }

    private PlaybookOutcome follow(ProcessTree tree, Thread pump, PlaybookRun run, WorkDir dir, OutputSink output,
                                   BooleanSupplier cancelRequested, ProgressSink progress) throws InterruptedException {
        Instant deadline = clock.instant().plus(run.timeout());
        EventsTail tail = new EventsTail(dir.eventsFile(), json);
        int polls = 0;
        while (!tree.process().waitFor(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
            if (++polls % PROGRESS_EVERY_POLLS == 0) {
                report(tail, progress);
            }
            if (cancelRequested.getAsBoolean()) {
                output.line("[platform] cancelled: stopping ansible-playbook and every process it started");
                tree.kill(properties.killGrace());
                pump.join(properties.killGrace().toMillis());
                return outcome(Ending.CANCELLED, null, "cancelled", dir);
            }
            if (clock.instant().isAfter(deadline)) {
                output.line("[platform] timed out after " + run.timeout().toSeconds()
                        + " s: stopping ansible-playbook and every process it started");
                tree.kill(properties.killGrace());
                pump.join(properties.killGrace().toMillis());
                return outcome(Ending.TIMED_OUT, null, "timed out after " + run.timeout().toSeconds() + " s", dir);
            }
        }
        pump.join();
        int exit = tree.process().exitValue();
        return switch (exit) {
            case 0 -> outcome(Ending.SUCCEEDED, exit, null, dir);
            case 2 -> outcome(Ending.FAILED, exit, "a task failed on at least one host", dir);
            case 4 -> outcome(Ending.UNREACHABLE, exit, "at least one host was unreachable", dir);
            default -> outcome(Ending.ERROR, exit, "ansible-playbook exited with code " + exit
                    + " (invalid playbook, options or inventory: see the log)", dir);
        };
    }

    /** Progress is for the page: a sink that fails (the database is away a moment) never stops the playbook. */
    private static void report(EventsTail tail, ProgressSink progress) {
        Map<String, String> started = tail.poll();
        if (started.isEmpty()) {
            return;
        }
        try {
            progress.hostsAt(started);
        } catch (RuntimeException ignored) {
            // the next task's start says it again
        }
    }

    private PlaybookOutcome outcome(Ending ending, Integer exit, String message, WorkDir dir) {
        EventsFile events = EventsFile.read(dir.eventsFile(), json);
        return new PlaybookOutcome(ending, exit, message, events.results(), events.stats(),
                HostKeyChecking.learned(dir.ssh(), events.results()), HostKeyChecking.refused(dir.ssh(), events.results()));
    }

    private static void pump(Process process, OutputSink output) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                output.line(line);
            }
        } catch (IOException e) {
            output.line("[platform] output stream closed: " + e.getMessage());
        }
    }

    /**
     * Runs one shell command on the run's hosts with plain ssh over the kept master connections
     * (the playbook text of {@code target} is ignored): fast enough for stopping things on cancel.
     */
    public void runCommand(PlaybookRun target, String command) {
        QuickSsh.run(target, command, properties);
    }

    /** The configured command as a path, or found on PATH. */
    Optional<Path> executable() {
        String command = properties.playbookCommand();
        if (command.contains("/")) {
            Path path = Path.of(command);
            return Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
        }
        String searchPath = Optional.ofNullable(System.getenv("PATH")).orElse("");
        for (String dir : searchPath.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, command);
            if (!dir.isEmpty() && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
