package io.devops.platform.execution.dispatch;

import io.devops.platform.ansible.PlayCompletion;
import io.devops.platform.ansible.UnsafeText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The playbooks the engine writes itself, built as data and dumped as YAML: a script step on
 * each node or once on a launcher, and the collection of a step's report files (as the step's
 * last play, or after it for the steps the agents run).
 */
public final class GeneratedPlaybooks {

    static final String MARKER_VARIABLE = "DEVOPS_TASK";

    private GeneratedPlaybooks() {
    }

    /** Where a run's files live on a node. */
    static String remoteDir(long runId) {
        return "/tmp/devops-run-" + runId;
    }

    /**
     * A script step: copy the script files (when there are any), write the host list when the
     * step runs on a launcher, then run the already quoted command from the run's directory.
     */
    static String script(long runId, long taskId, String stepName, String command, Path scriptsDir,
                         Map<String, String> environment, String hostfile) {
        return script(runId, taskId, stepName, command, scriptsDir, environment, hostfile, "hostfile");
    }

    /**
     * One group of a launcher step run again on the launcher (a multi-node test at scales): the step's
     * own command, with {@code HOSTFILE} naming a host list of the group's nodes only. The scripts are
     * in the run's directory since the step ran there.
     */
    public static String launcherGroup(long runId, long taskId, String stepName, String command, List<String> groupIps, int number) {
        String hostfileName = "hostfile-group-" + number;
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("RUN_ID", String.valueOf(runId));
        environment.put("NODE_IPS", String.join(",", groupIps));
        environment.put("HOSTFILE", remoteDir(runId) + "/" + hostfileName);
        return script(runId, taskId, stepName + " (group #" + number + ")", command, null, environment,
                String.join("\n", groupIps) + "\n", hostfileName);
    }

    private static String script(long runId, long taskId, String stepName, String command, Path scriptsDir,
                                 Map<String, String> environment, String hostfile, String hostfileName) {
        List<Map<String, Object>> tasks = new ArrayList<>();
        tasks.add(task("prepare the run directory", "file", Map.of("path", remoteDir(runId), "state", "directory", "mode", "0755")));
        if (scriptsDir != null && Files.isDirectory(scriptsDir)) {
            tasks.add(task("copy the scripts", "copy", Map.of("src", scriptsDir.toAbsolutePath() + "/",
                    "dest", remoteDir(runId) + "/script/", "mode", "preserve")));
        }
        if (hostfile != null) {
            tasks.add(task("write the host list", "copy", Map.of("content", new UnsafeText(hostfile),
                    "dest", remoteDir(runId) + "/" + hostfileName, "mode", "0644")));
        }
        Map<String, Object> run = task(stepName, "shell", new UnsafeText(command));
        run.put("args", Map.of("chdir", remoteDir(runId), "executable", "/bin/bash"));
        Map<String, Object> env = new LinkedHashMap<>();
        environment.forEach((key, value) -> env.put(key, new UnsafeText(value)));
        env.put(MARKER_VARIABLE, taskMarker(runId, taskId));
        env.put("NODE_IP", "{{ inventory_hostname }}");
        run.put("environment", env);
        tasks.add(run);
        tasks.addAll(PlayCompletion.closingTasks());
        return play(tasks);
    }

    /** Set in the environment of every process a script step starts on a node, so a cancel can find them all. */
    static String taskMarker(long runId, long taskId) {
        return "run-" + runId + "-task-" + taskId;
    }

    /**
     * Stops every process a cancelled script step started on the node: killing the local
     * ansible-playbook alone leaves remote commands running (no terminal hangs up on them). The
     * processes are found by the step's marker in their environment, whatever their process
     * group, and looked for a few times in case the command was only just starting.
     */
    static String stopCommand(long runId, long taskId) {
        String find = "grep -lzx " + MARKER_VARIABLE + "=" + taskMarker(runId, taskId)
                + " /proc/[0-9]*/environ 2>/dev/null | cut -d/ -f3";
        String script = "for attempt in 1 2 3 4 5; do pids=$(" + find + "); [ -z \"$pids\" ] && [ $attempt -gt 1 ] && break;"
                + " [ -n \"$pids\" ] && kill -TERM $pids 2>/dev/null; sleep 0.2; done;"
                + " pids=$(" + find + "); [ -n \"$pids\" ] && kill -KILL $pids 2>/dev/null; true";
        return script;
    }

    /**
     * The playbook with {@code serial: batchSize} on each of its plays: Ansible then runs each play
     * on that many hosts at a time. The plays are the top-level list the platform writes, each
     * starting with "- key: value" at the start of a line; for a playbook of another shape the
     * answer is empty, so that a batch size is never silently ignored.
     */
    static Optional<String> withSerial(String playbook, int batchSize) {
        String body = playbook.startsWith("---\n") ? playbook.substring(4) : playbook;
        if (!body.startsWith("- ")) {
            return Optional.empty();
        }
        StringBuilder out = new StringBuilder(playbook.length() + 32);
        for (String line : playbook.split("\n", -1)) {
            out.append(line).append('\n');
            if (line.startsWith("- ")) {
                if (!line.matches("- [A-Za-z_]+: \\S.*")) {
                    return Optional.empty(); // the play's first key opens a block: no line can follow it safely
                }
                out.append("  serial: ").append(batchSize).append('\n');
            }
        }
        out.setLength(out.length() - 1);
        return Optional.of(out.toString());
    }

    /** Where a step's reports are fetched to, under its work directory: {@code reports/<host>/<index>}. */
    public static Path reportsDir(Path workDir) {
        return workDir.resolve("reports");
    }

    /** Makes {@link #reportsDir} before the playbook that fetches into it runs. */
    public static Path prepareReportsDir(Path workDir) {
        try {
            return Files.createDirectories(reportsDir(workDir));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the folder for the step's reports under " + workDir, e);
        }
    }

    /**
     * The step's playbook followed by one more play that fetches its declared reports into {@code
     * dest}, so that a step costs one {@code ansible-playbook} and one set of SSH connections, not
     * two. Ansible runs a later play only on the hosts that got through the earlier ones (a failed
     * or unreachable host stays out), so the reports come from exactly the nodes that could have
     * written them. Empty when the playbook is not the top-level list of plays that the platform
     * writes; the reports are then fetched by a playbook of their own ({@link #collectReports}).
     */
    public static Optional<String> withReportCollection(String playbook, List<String> paths, Path dest, long maxBytes) {
        String plays = playbook.startsWith("---\n") ? playbook.substring(4) : playbook;
        if (!plays.startsWith("- ") || !plays.endsWith("\n")) {
            return Optional.empty();
        }
        return Optional.of(playbook + collectReports(paths, dest, maxBytes));
    }

    /**
     * Fetches each report that exists and is small enough into {@code dest}/{host}/{index}, and
     * records in {@code dest}/{host}.json what the node had ({@code sizes}: each report's size, -1
     * when the node has no such file) and why a report of the right size did not arrive ({@code
     * notes}). Three tasks whatever the number of reports (each Ansible task costs about a second
     * here, per node). They never fail a node and never count as changes: whether a report is there
     * is judged from these files. {@code dest} must exist.
     */
    public static String collectReports(List<String> paths, Path dest, long maxBytes) {
        String where = dest.toAbsolutePath() + "/{{ inventory_hostname }}";
        Map<String, Object> look = unchanged(task("[platform] look for the reports", "stat", Map.of("path", "{{ item }}",
                "follow", true, "get_checksum", false)));
        look.put("loop", paths.stream().map(UnsafeText::new).toList());
        look.put("register", "devops_reports");
        // fail_on_missing: a report that vanished or cannot be read is noted, not a failed task.
        Map<String, Object> fetch = unchanged(task("[platform] fetch the reports", "fetch", Map.of("src", "{{ item.item }}",
                "dest", where + "/{{ devops_report }}", "flat", true, "fail_on_missing", false)));
        fetch.put("loop", "{{ devops_reports.results }}");
        fetch.put("loop_control", Map.of("index_var", "devops_report", "label", "{{ item.item }}"));
        fetch.put("when", "item.stat.exists and item.stat.size <= " + maxBytes);
        fetch.put("register", "devops_fetched");
        Map<String, Object> record = local(unchanged(task("[platform] record what arrived", "copy", Map.of(
                "content", "{{ {'sizes': devops_reports.results | map(attribute='stat.size', default=-1) | list,"
                        + " 'notes': devops_fetched.results | map(attribute='msg', default='') | list} | to_json }}",
                "dest", where + ".json"))));
        return play(List.of(look, fetch, record));
    }

    private static Map<String, Object> local(Map<String, Object> task) {
        task.put("delegate_to", "localhost");
        task.put("connection", "local");
        return task;
    }

    private static Map<String, Object> unchanged(Map<String, Object> task) {
        task.put("changed_when", false);
        return task;
    }

    private static String play(List<Map<String, Object>> tasks) {
        Map<String, Object> play = new LinkedHashMap<>();
        play.put("hosts", "all");
        play.put("gather_facts", false);
        play.put("tasks", tasks);
        return UnsafeText.dumper().dump(List.of(play));
    }

    private static Map<String, Object> task(String name, String module, Object arguments) {
        Map<String, Object> task = new LinkedHashMap<>();
        task.put("name", new UnsafeText(name));
        task.put(module, arguments);
        return task;
    }
}
