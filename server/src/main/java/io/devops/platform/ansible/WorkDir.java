package io.devops.platform.ansible;

import io.devops.platform.ansible.HostKeyChecking.HostSsh;
import io.devops.platform.ansible.PlaybookRun.InventoryHost;
import io.devops.platform.ansible.PlaybookRun.SshKey;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Lays out one playbook run's directory: the playbook, an inventory built as data and dumped as
 * YAML, an ansible.cfg with pipelining, ControlPersist and host key checking, the known_hosts
 * files ({@link HostKeyChecking}), the event callback, and private keys readable by the owner only.
 */
final class WorkDir {

    static final String CALLBACK = "devops_events";
    private static final String CALLBACK_RESOURCE = "/ansible/callback_plugins/" + CALLBACK + ".py";

    private final Path root;
    private final Map<String, HostSsh> ssh;

    private WorkDir(Path root, Map<String, HostSsh> ssh) {
        this.root = root;
        this.ssh = ssh;
    }

    static WorkDir prepare(PlaybookRun run, AnsibleProperties properties) {
        try {
            Path root = Files.createDirectories(run.workDir().toAbsolutePath());
            WorkDir dir = new WorkDir(root, HostKeyChecking.prepare(run.hosts(), root, properties.controlRoot()));
            dir.write(run, properties);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the playbook directory " + run.workDir(), e);
        }
    }

    /** How ssh reaches and checks each host, by host name. */
    Map<String, HostSsh> ssh() {
        return ssh;
    }

    Path root() {
        return root;
    }

    Path eventsFile() {
        return root.resolve("events.jsonl");
    }

    Path config() {
        return root.resolve("ansible.cfg");
    }

    /** Keys and the inventory (it may hold become passwords) must not outlive the playbook. */
    void removeSecrets() {
        try (var keys = Files.list(root.resolve("keys"))) {
            Files.deleteIfExists(root.resolve("inventory.yml"));
            for (Path key : keys.toList()) {
                Files.deleteIfExists(key);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the keys of " + root, e);
        }
    }

    /** Ansible's events quote task output, which may hold a secret extra variable: read, they go too. */
    void removeEvents() {
        try {
            Files.deleteIfExists(eventsFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the events of " + root, e);
        }
    }

    private void write(PlaybookRun run, AnsibleProperties properties) throws IOException {
        Path keys = Files.createDirectories(root.resolve("keys"));
        Files.setPosixFilePermissions(keys, PosixFilePermissions.fromString("rwx------"));
        Map<String, Path> keyFiles = new LinkedHashMap<>();
        for (InventoryHost host : run.hosts()) {
            if (host.key() != null && !keyFiles.containsKey(host.key().id())) {
                keyFiles.put(host.key().id(), writeKey(keys, host.key()));
            }
        }
        Files.writeString(root.resolve("playbook.yml"), run.playbookYaml());
        Path inventory = Files.createFile(root.resolve("inventory.yml"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(inventory, UnsafeText.dumper().dump(inventory(run.hosts(), run.groupVars(), keyFiles, ssh)));
        Path plugins = Files.createDirectories(root.resolve("callback_plugins"));
        try (InputStream callback = WorkDir.class.getResourceAsStream(CALLBACK_RESOURCE)) {
            Files.copy(callback, plugins.resolve(CALLBACK + ".py"));
        }
        Files.writeString(config(), config(run, properties, plugins));
    }

    static Path writeKey(Path keys, SshKey key) throws IOException {
        Path file = keys.resolve("key-" + key.id().replaceAll("[^A-Za-z0-9_-]", "_"));
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        String text = key.privateKey().endsWith("\n") ? key.privateKey() : key.privateKey() + "\n";
        Files.writeString(file, text);
        return file;
    }

    private static Map<String, Object> inventory(List<InventoryHost> hosts, Map<String, Map<String, Object>> groupVars,
                                                 Map<String, Path> keyFiles, Map<String, HostSsh> ssh) {
        Map<String, Object> byName = new LinkedHashMap<>();
        for (InventoryHost host : hosts) {
            // Ansible templates every inventory string: pool and node values, facts included, are taken as typed.
            Map<String, Object> vars = ExtraVarsFile.guarded(host.vars());
            vars.put("ansible_host", host.address());
            vars.put("ansible_port", host.port());
            if (host.user() != null) {
                vars.put("ansible_user", host.user());
            }
            if (host.key() != null) {
                vars.put("ansible_ssh_private_key_file", keyFiles.get(host.key().id()).toString());
            }
            if (host.becomePassword() != null) {
                // Ansible templates every inventory string: unsafe, a password with "{{" or "{%" reaches sudo as typed.
                vars.put("ansible_become_password", new UnsafeText(host.becomePassword()));
            }
            // Per host: which known_hosts file, how strict, and the master socket for exactly that check.
            vars.put("ansible_ssh_common_args", ssh.get(host.name()).commonArgs());
            byName.put(host.name(), vars);
        }
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("hosts", byName);
        Map<String, Object> children = groups(hosts, groupVars);
        if (!children.isEmpty()) {
            all.put("children", children);
        }
        return Map.of("all", all);
    }

    /** {@code children: {pool_x: {hosts: {10.0.0.1: {}}}}}: each group with its hosts, in order. */
    private static Map<String, Object> groups(List<InventoryHost> hosts, Map<String, Map<String, Object>> groupVars) {
        Map<String, Map<String, Object>> members = new LinkedHashMap<>();
        for (InventoryHost host : hosts) {
            host.groups().forEach(group -> members.computeIfAbsent(group, g -> new LinkedHashMap<>()).put(host.name(), Map.of()));
        }
        Map<String, Object> children = new LinkedHashMap<>();
        members.forEach((group, names) -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("hosts", names);
            Map<String, Object> vars = groupVars.getOrDefault(group, Map.of());
            if (!vars.isEmpty()) {
                entry.put("vars", ExtraVarsFile.guarded(vars));
            }
            children.put(group, entry);
        });
        return children;
    }

    private String config(PlaybookRun run, AnsibleProperties properties, Path plugins) {
        String rolesPath = run.rolesPaths().stream().map(Path::toString).collect(Collectors.joining(":"));
        return """
                [defaults]
                host_key_checking = True
                forks = %d
                timeout = %d
                retry_files_enabled = False
                interpreter_python = auto_silent
                callbacks_enabled = %s
                callback_plugins = %s
                roles_path = %s
                deprecation_warnings = False

                [ssh_connection]
                pipelining = True
                ssh_args = -o ControlMaster=auto -o ControlPersist=%ds -o LogLevel=ERROR
                """.formatted(properties.forks(), properties.connectTimeout().toSeconds(), CALLBACK, plugins,
                rolesPath, properties.controlPersist().toSeconds());
    }
}
