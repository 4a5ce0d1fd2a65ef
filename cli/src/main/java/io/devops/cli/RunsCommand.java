package io.devops.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.TypeConversionException;

@Command(name = "runs", description = "Start, watch and inspect runs of jobs.",
        subcommands = {RunsCommand.ListRuns.class, RunsCommand.Start.class, RunsCommand.Watch.class, RunsCommand.Logs.class,
                RunsCommand.Results.class, RunsCommand.Cancel.class, RunsCommand.Resume.class, RunsCommand.RerunFailed.class},
        mixinStandardHelpOptions = true)
final class RunsCommand {

    static final List<Column> COLUMNS = List.of(Column.of("ID", "id"), Column.of("JOB", "jobName"), Column.of("VERSION", "jobVersion"),
            Column.of("STATUS", "status"), Column.of("BY", "executedBy"), Column.of("STARTED", "startedAt"),
            Column.of("FINISHED", "finishedAt"), Column.of("MESSAGE", "message"));

    /** {@code --interval}, for every command that follows a run. */
    static class WatchOptions {

        @Option(names = "--interval", paramLabel = "SECONDS", defaultValue = "2", converter = Interval.class,
                description = "How often to ask the server for the run's progress, at least 0.2 (default: ${DEFAULT-VALUE}).")
        double interval;

        /** Follows the run to its end (progress on stderr, results on stdout); exit 0 when it SUCCEEDED, else 1. */
        int watch(ApiCommand command, long runId) throws InterruptedException {
            JsonNode run = new RunWatcher(command.api(), command.err(), Duration.ofMillis((long) (interval * 1000)),
                    System.console() != null).watch(runId);
            printEnded(command, run);
            return RunProgress.of(run).exitCode();
        }

        static void printEnded(ApiCommand command, JsonNode run) {
            if (command.format() == Format.TABLE) {
                command.out().print(RunResults.table(run, RunResults.rows(run)));
                command.out().flush();
            } else {
                command.print(run, List.of());
            }
        }
    }

    /** Seconds, at least 0.2: checked while the command line is read, before anything is started. */
    static final class Interval implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            double seconds;
            try {
                seconds = Double.parseDouble(value);
            } catch (NumberFormatException e) {
                throw new TypeConversionException("'" + value + "' is not a number of seconds");
            }
            if (!(seconds >= 0.2 && seconds <= 3600)) {
                throw new TypeConversionException("give 0.2 to 3600 seconds, not " + value);
            }
            return seconds;
        }
    }

    /** {@code --watch} with {@code --interval}, for the commands that start a run. */
    static final class WatchFlag extends WatchOptions {

        @Option(names = {"-w", "--watch"}, description = "Follow the run to its end (progress on stderr) and exit with its outcome.")
        boolean watch;

        /** Prints the run the command started, or with --watch follows it to its end and exits with its outcome. */
        int printOrWatch(ApiCommand command, JsonNode run, String started) throws InterruptedException {
            if (!watch) {
                command.print(run, COLUMNS);
                return ExitCodes.OK;
            }
            command.err().println(started);
            return watch(command, run.path("id").asLong());
        }
    }

    @Command(name = "list", description = "List runs, newest first.",
            footerHeading = "%nExamples:%n", footer = {"  devopsctl runs list --job delivery --status FAILED",
                    "  devopsctl runs list --last 5 -o json"})
    static final class ListRuns extends ApiCommand {

        @Option(names = "--job", paramLabel = "JOB", description = "Only this job's runs (id or name).")
        String job;

        @Option(names = "--status", paramLabel = "STATUS", description = "Only runs with this status (RUNNING, FAILED, ...).")
        String status;

        @Option(names = "--node", paramLabel = "NODE", description = "Only runs on this node (id, IP or host name).")
        String node;

        @Option(names = "--last", paramLabel = "N", defaultValue = "20", description = "The newest N runs (default: ${DEFAULT-VALUE}, at most 500).")
        int limit;

        @Override
        int run() {
            if (limit < 1 || limit > 500) {
                throw CliException.usage("--last takes 1 to 500");
            }
            Map<String, Object> query = new LinkedHashMap<>();
            query.put("jobId", job == null ? null : Lookup.job(api(), job));
            query.put("status", status == null ? null : status.toUpperCase(java.util.Locale.ROOT));
            query.put("nodeId", node == null ? null : Lookup.node(api(), node));
            query.put("page", 0);
            query.put("size", limit);
            print(api().get("/api/v1/runs", query).path("items"), COLUMNS);
            return ExitCodes.OK;
        }
    }

    @Command(name = "start", description = {"Start a run of a job (its latest version unless --version).",
            "Exit code with --watch: 0 when the run SUCCEEDED, 1 when it failed, was cancelled or interrupted."},
            footerHeading = "%nExamples:%n",
            footer = {"  devopsctl runs start delivery --watch",
                    "  devopsctl runs start 7 --version 3 --limit pool:gpu_pool_a \\",
                    "    --exclude 10.0.3.17 --watch",
                    "  devopsctl runs start burn-in --limit label:rack=r1 --batch-size 8 \\",
                    "    --var hours:=4 --var operator=alice",
                    "  devopsctl runs start delivery --check -o json"})
    static final class Start extends ApiCommand {

        @Parameters(paramLabel = "JOB", description = "The job's id or name.")
        String job;

        @Option(names = "--version", paramLabel = "N", description = "Run this version of the job.")
        Integer version;

        @Option(names = "--limit", paramLabel = "SELECTOR",
                description = "Run only on the job's nodes that match (repeatable, any may match): node:ID|IP|HOSTNAME, pool:ID|NAME,"
                        + " label:KEY=VALUE, or a bare node id, IP or host name.")
        List<String> limit = new ArrayList<>();

        @Option(names = "--exclude", paramLabel = "SELECTOR", description = "Leave out the nodes that match (same forms as --limit).")
        List<String> exclude = new ArrayList<>();

        @Option(names = "--var", paramLabel = "NAME=VALUE",
                description = "An extra variable the job declares (repeatable): NAME=TEXT, or NAME:=JSON for numbers, booleans, lists.")
        List<String> vars = new ArrayList<>();

        @Option(names = "--check", description = "Dry run: Ansible steps in check mode, script steps not run.")
        boolean check;

        @Option(names = "--batch-size", paramLabel = "N", description = "Run each step on at most N nodes at a time.")
        Integer batchSize;

        @Option(names = "--skip-locked", description = "Leave locked nodes out instead of refusing to start.")
        boolean skipLocked;

        @Mixin
        WatchFlag watchFlag;

        @Override
        int run() throws InterruptedException {
            ObjectNode body = StartBody.of(version, StartBody.selector(limit, "--limit", pool -> Lookup.pool(api(), pool),
                    node -> Lookup.node(api(), node)), StartBody.selector(exclude, "--exclude", pool -> Lookup.pool(api(), pool),
                    node -> Lookup.node(api(), node)), StartBody.vars(vars), check, batchSize, skipLocked);
            JsonNode run = api().post("/api/v1/jobs/" + Lookup.job(api(), job) + "/runs", body);
            return watchFlag.printOrWatch(this, run, "started run " + run.path("id").asLong() + " of job " + run.path("jobName").asText(job));
        }
    }

    @Command(name = "watch", description = {"Follow a run to its end: a progress bar on stderr with per-node counts, the results on stdout.",
            "Exit code: 0 when the run SUCCEEDED, 1 when it failed, was cancelled or interrupted. Ctrl-C stops watching, not the run."},
            footerHeading = "%nExamples:%n", footer = {"  devopsctl runs watch 42", "  devopsctl runs watch 42 -o json > run-42.json"})
    static final class Watch extends ApiCommand {

        @Parameters(paramLabel = "RUN", description = "The run's id.")
        long run;

        @Mixin
        WatchOptions watchOptions;

        @Override
        int run() throws InterruptedException {
            return watchOptions.watch(this, run);
        }
    }

    @Command(name = "logs", description = {"Print a run's log. With --follow, print it as it grows until the run ends,",
            "then exit 0 when the run SUCCEEDED and 1 otherwise."},
            footerHeading = "%nExamples:%n", footer = {"  devopsctl runs logs 42 > run-42.log", "  devopsctl runs logs 42 --follow"})
    static final class Logs extends ApiCommand {

        @Parameters(paramLabel = "RUN", description = "The run's id.")
        long run;

        @Option(names = {"-f", "--follow"}, description = "Keep printing the log as the run writes it, until the run ends.")
        boolean follow;

        @Override
        int run() throws IOException {
            if (!follow) {
                try (InputStream log = api().download("/api/v1/runs/" + run + "/log", Map.of(), "text/plain")) {
                    log.transferTo(out());
                }
                out().flush();
                return ExitCodes.OK;
            }
            return follow();
        }

        /** The event stream: {@code log} events are printed, {@code status} events tell when the run ended; reconnects resume. */
        private int follow() {
            AtomicReference<String> status = new AtomicReference<>("");
            AtomicReference<Long> lastId = new AtomicReference<>(null);
            ServerSentEvents events = new ServerSentEvents(event -> {
                if ("log".equals(event.name())) {
                    out().print(event.data());
                    out().flush();
                    if (event.id() != null && Lookup.isId(event.id())) {
                        lastId.set(Long.parseLong(event.id()));
                    }
                } else if ("status".equals(event.name())) {
                    status.set(readStatus(event.data()));
                }
            });
            for (int attempt = 0; attempt < 100; attempt++) {
                try (Stream<String> lines = api().eventLines("/api/v1/runs/" + run + "/events", lastId.get())) {
                    lines.forEach(events::accept);
                } catch (UncheckedIOException dropped) {
                    // The connection ended mid-stream (the server closes it once the run has ended, or drops a slow
                    // reader): what arrived counts, and a run that has not ended is followed again from there.
                }
                events.end();
                RunProgress ended = new RunProgress(run, status.get(), 0, 0, 0, 0, 0, 0);
                if (ended.ended()) {
                    return ended.exitCode();
                }
                // The server drops a stream it could not write to for a while: carry on where the log stopped.
            }
            throw CliException.failed("the event stream of run " + run + " kept closing before the run ended");
        }

        private static String readStatus(String data) {
            try {
                return Api.JSON.readTree(data).path("status").asText("");
            } catch (IOException e) {
                return "";
            }
        }
    }

    @Command(name = "results",
            description = "Show a run's results: a table of nodes × steps, then why each cell that did not succeed failed.",
            footerHeading = "%nExamples:%n", footer = {"  devopsctl runs results 42",
                    "  devopsctl runs results 42 -o json | jq '.[] | select(.status != \"SUCCEEDED\")'"})
    static final class Results extends ApiCommand {

        @Parameters(paramLabel = "RUN", description = "The run's id.")
        long run;

        @Override
        int run() {
            JsonNode detail = api().get("/api/v1/runs/" + run);
            if (format() == Format.TABLE) {
                out().print(RunResults.table(detail, RunResults.rows(detail)));
                out().flush();
            } else {
                print(RunResults.rows(detail), List.of());
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "cancel", description = "Cancel a run: its running steps are stopped, the rest not run.",
            footerHeading = "%nExamples:%n", footer = "  devopsctl runs cancel 42")
    static final class Cancel extends ApiCommand {

        @Parameters(paramLabel = "RUN", description = "The run's id.")
        long run;

        @Override
        int run() {
            print(api().post("/api/v1/runs/" + run + "/cancel", Map.of()), COLUMNS);
            return ExitCodes.OK;
        }
    }

    @Command(name = "resume", description = "Resume an interrupted run: each node restarts at its first step that did not succeed.",
            footerHeading = "%nExamples:%n", footer = "  devopsctl runs resume 42 --watch")
    static final class Resume extends ApiCommand {

        @Parameters(paramLabel = "RUN", description = "The run's id.")
        long run;

        @Mixin
        WatchFlag watchFlag;

        @Override
        int run() throws InterruptedException {
            JsonNode resumed = api().post("/api/v1/runs/" + run + "/resume", Map.of());
            return watchFlag.printOrWatch(this, resumed, "resumed run " + run);
        }
    }

    @Command(name = "rerun-failed", description = "Start a new run on the nodes that did not get through this run.",
            footerHeading = "%nExamples:%n",
            footer = {"  devopsctl runs rerun-failed 42 --watch", "  devopsctl runs rerun-failed 42 --from-failed-step",
                    "  devopsctl runs rerun-failed 42 --latest"})
    static final class RerunFailed extends ApiCommand {

        @Parameters(paramLabel = "RUN", description = "The failed run's id.")
        long run;

        @Option(names = "--latest", description = "Run the job's newest version (default: the failed run's version).")
        boolean latest;

        @Option(names = "--from-failed-step", description = "Start each node at its first step that did not succeed (not with --latest).")
        boolean fromFailedStep;

        @Mixin
        WatchFlag watchFlag;

        @Override
        int run() throws InterruptedException {
            if (latest && fromFailedStep) {
                throw CliException.usage("--from-failed-step works with the failed run's own version only: leave out --latest");
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("version", latest ? "LATEST" : "SAME");
            body.put("fromFailedStep", fromFailedStep);
            JsonNode rerun = api().post("/api/v1/runs/" + run + "/rerun-failed", body);
            return watchFlag.printOrWatch(this, rerun, "started run " + rerun.path("id").asLong() + " (re-run of the failed nodes of run "
                    + run + ")");
        }
    }
}
