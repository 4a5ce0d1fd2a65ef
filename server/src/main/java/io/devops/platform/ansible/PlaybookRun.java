package io.devops.platform.ansible;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One {@code ansible-playbook} invocation: the playbook (already generated as YAML), the hosts it
 * targets, where roles come from, and how long it may take.
 *
 * @param workDir an empty directory owned by this run; keys written there are deleted afterwards
 * @param environment extra variables for the playbook process (never secrets: they are logged)
 * @param checkMode a dry run: {@code ansible-playbook --check}
 * @param extraVars Ansible extra variables, written to a file (never on the command line) with
 *                  every text value {@code !unsafe}, so no value is ever evaluated as Jinja
 * @param groupVars variables of inventory groups, by group name: written into the inventory file
 *                  (owner only, removed after the playbook), every text {@code !unsafe}
 */
public record PlaybookRun(Path workDir, String playbookYaml, List<InventoryHost> hosts, List<Path> rolesPaths,
                          Duration timeout, Map<String, String> environment, boolean checkMode, Map<String, Object> extraVars,
                          Map<String, Map<String, Object>> groupVars) {

    public PlaybookRun(Path workDir, String playbookYaml, List<InventoryHost> hosts, List<Path> rolesPaths, Duration timeout,
                       Map<String, String> environment, boolean checkMode, Map<String, Object> extraVars) {
        this(workDir, playbookYaml, hosts, rolesPaths, timeout, environment, checkMode, extraVars, Map.of());
    }

    public PlaybookRun(Path workDir, String playbookYaml, List<InventoryHost> hosts, List<Path> rolesPaths, Duration timeout,
                       Map<String, String> environment) {
        this(workDir, playbookYaml, hosts, rolesPaths, timeout, environment, false, Map.of());
    }

    public PlaybookRun {
        extraVars = extraVars == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(extraVars));
        groupVars = groupVars == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(groupVars));
        hosts = List.copyOf(hosts);
        rolesPaths = List.copyOf(rolesPaths);
        environment = Map.copyOf(environment);
        if (hosts.isEmpty()) {
            throw new IllegalArgumentException("a playbook run needs at least one host");
        }
    }

    /**
     * A target host. {@code name} is how results refer to it; {@code key} may be null to use the
     * server's own SSH configuration.
     *
     * @param becomePassword sudo's password, or null; written to the inventory as {@code !unsafe}
     *                       so that Ansible never evaluates it as a template
     * @param hostKeys the host's recorded SSH host keys: ssh accepts no other. Empty on first contact:
     *                 ssh then accepts the key the host offers, and the outcome tells it
     *                 ({@link PlaybookOutcome#learnedHostKeys()})
     * @param groups inventory groups the host is in besides {@code all} ({@code pool_gpu_a_1f2e3d4c}):
     *               lower-case identifiers only, as they are written into YAML unquoted and read by Jinja
     */
    public record InventoryHost(String name, String address, int port, String user, SshKey key, String becomePassword,
                                Map<String, Object> vars, List<HostKey> hostKeys, List<String> groups) {

        private static final Pattern GROUP = Pattern.compile("[a-z_][a-z0-9_]{0,127}");

        public InventoryHost {
            vars = vars == null ? Map.of() : Map.copyOf(vars);
            hostKeys = hostKeys == null ? List.of() : List.copyOf(hostKeys);
            groups = groups == null ? List.of() : List.copyOf(groups);
            for (String group : groups) {
                if (!GROUP.matcher(group).matches() || "all".equals(group) || "ungrouped".equals(group)) {
                    throw new IllegalArgumentException("not an inventory group name: '" + group + "'");
                }
            }
        }

        public InventoryHost(String name, String address, int port, String user, SshKey key, String becomePassword,
                             Map<String, Object> vars, List<HostKey> hostKeys) {
            this(name, address, port, user, key, becomePassword, vars, hostKeys, List.of());
        }

        public InventoryHost(String name, String address, int port, String user, SshKey key, String becomePassword,
                             Map<String, Object> vars) {
            this(name, address, port, user, key, becomePassword, vars, List.of());
        }

        public InventoryHost(String name, String address, int port, String user, SshKey key, Map<String, Object> vars) {
            this(name, address, port, user, key, null, vars);
        }

        /** First contact: no key is recorded for the host yet. */
        public boolean firstContact() {
            return hostKeys.isEmpty();
        }

        @Override
        public String toString() {
            return "InventoryHost[" + name + ", " + address + ":" + port + ", user=" + user + ", key=" + key
                    + ", becomePassword=" + (becomePassword == null ? "none" : "***") + ", vars=" + vars.keySet()
                    + ", hostKeys=" + hostKeys.size() + ", groups=" + groups + "]";
        }
    }

    /**
     * A public SSH host key as a known_hosts line holds it: the key type ({@code ssh-ed25519}) and
     * the base64 key blob. Checked here because both end up in a known_hosts file: a stray space or
     * line break would add a line of its own.
     */
    public record HostKey(String type, String publicKey) {

        private static final Pattern TYPE = Pattern.compile("[A-Za-z0-9@._-]{1,64}");
        private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/]+={0,2}");

        public HostKey {
            if (type == null || !TYPE.matcher(type).matches()) {
                throw new IllegalArgumentException("not an SSH key type: '" + type + "'");
            }
            if (publicKey == null || publicKey.length() > 16_384 || !BASE64.matcher(publicKey).matches()) {
                throw new IllegalArgumentException("not a base64 SSH public key: '" + publicKey + "'");
            }
        }
    }

    /** A private key in OpenSSH/PEM text; {@code id} lets hosts share one key file. */
    public record SshKey(String id, String privateKey) {

        @Override
        public String toString() {
            return "SshKey[" + id + ", ***]";
        }
    }
}
