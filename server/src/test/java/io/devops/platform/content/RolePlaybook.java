package io.devops.platform.content;

import io.devops.platform.support.TestNodes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * One built-in role of content/roles, run for real with ansible-playbook over SSH on test nodes
 * (whose PATH starts with the fake GPU tools), the way an operator step runs it: role variables in
 * the play, per-node variables in the inventory.
 */
final class RolePlaybook {

    static final Path ROLES = Path.of("..", "content", "roles").toAbsolutePath().normalize();
    private static final Pattern RECAP = Pattern.compile(
            "^(\\S+)\\s*: ok=(\\d+)\\s+changed=(\\d+)\\s+unreachable=(\\d+)\\s+failed=(\\d+)", Pattern.MULTILINE);

    /** What ansible-playbook printed, its exit code and the recap per host. */
    record Outcome(int exitCode, String output) {

        int changed(String host) {
            return recap(host, 3);
        }

        int failed(String host) {
            return recap(host, 5);
        }

        private int recap(String host, int group) {
            Matcher matcher = RECAP.matcher(output);
            while (matcher.find()) {
                if (matcher.group(1).equals(host)) {
                    return Integer.parseInt(matcher.group(group));
                }
            }
            throw new AssertionError("no recap for " + host + " in:\n" + output);
        }
    }

    private final TestNodes nodes;
    private final Path dir;
    private final String role;
    private final Map<String, Object> vars = new LinkedHashMap<>();
    private final Map<Integer, Map<String, Object>> hostVars = new LinkedHashMap<>();

    RolePlaybook(TestNodes nodes, Path dir, String role) {
        this.nodes = nodes;
        this.dir = dir;
        this.role = role;
    }

    RolePlaybook var(String name, Object value) {
        vars.put(name, value);
        return this;
    }

    /** A variable for one node only (inventory host variable). */
    RolePlaybook hostVar(int node, String name, Object value) {
        hostVars.computeIfAbsent(node, n -> new LinkedHashMap<>()).put(name, value);
        return this;
    }

    Outcome run(List<Integer> on, String... extraArgs) {
        try {
            Path key = dir.resolve("id_test");
            Files.writeString(key, nodes.privateKey());
            Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
            Map<String, Object> hosts = new LinkedHashMap<>();
            for (int node : on) {
                Map<String, Object> host = new LinkedHashMap<>(Map.of("ansible_port", TestNodes.PORT, "ansible_user", "root",
                        "ansible_ssh_private_key_file", key.toString()));
                host.putAll(hostVars.getOrDefault(node, Map.of()));
                hosts.put(nodes.ip(node), host);
            }
            Files.writeString(dir.resolve("inventory.yml"), yaml().dump(Map.of("all", Map.of("hosts", hosts))));
            Map<String, Object> entry = new LinkedHashMap<>(Map.of("role", role));
            if (!vars.isEmpty()) {
                entry.put("vars", vars);
            }
            Files.writeString(dir.resolve("play.yml"), yaml().dump(List.of(Map.of("hosts", "all", "gather_facts", true,
                    "roles", List.of(entry)))));
            Files.writeString(dir.resolve("ansible.cfg"), """
                    [defaults]
                    host_key_checking = False
                    roles_path = %s
                    stdout_callback = default
                    [ssh_connection]
                    pipelining = True
                    """.formatted(ROLES));
            List<String> command = new ArrayList<>(List.of("ansible-playbook", "-i", "inventory.yml", "play.yml"));
            command.addAll(List.of(extraArgs));
            ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
            builder.environment().put("ANSIBLE_CONFIG", dir.resolve("ansible.cfg").toString());
            builder.environment().put("ANSIBLE_NOCOLOR", "1");
            builder.environment().put("ANSIBLE_FORCE_COLOR", "0");
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("ansible-playbook did not finish:\n" + output);
            }
            return new Outcome(process.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Yaml yaml() {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        return new Yaml(options);
    }
}
