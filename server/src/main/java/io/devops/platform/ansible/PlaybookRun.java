package io.devops.platform.ansible;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One {@code ansible-playbook} invocation: the playbook (already generated as YAML), the hosts it
 * targets, where roles come from, and how long it may take.
 *
 * @param workDir an empty directory owned by this run; keys written there are deleted afterwards
 * @param environment extra variables for the playbook process (never secrets: they are logged)
 */
public record PlaybookRun(Path workDir, String playbookYaml, List<InventoryHost> hosts, List<Path> rolesPaths,
                          Duration timeout, Map<String, String> environment) {

    public PlaybookRun {
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
     */
    public record InventoryHost(String name, String address, int port, String user, SshKey key, String becomePassword,
                                Map<String, Object> vars) {

        public InventoryHost {
            vars = vars == null ? Map.of() : Map.copyOf(vars);
        }

        public InventoryHost(String name, String address, int port, String user, SshKey key, Map<String, Object> vars) {
            this(name, address, port, user, key, null, vars);
        }

        @Override
        public String toString() {
            return "InventoryHost[" + name + ", " + address + ":" + port + ", user=" + user + ", key=" + key
                    + ", becomePassword=" + (becomePassword == null ? "none" : "***") + ", vars=" + vars.keySet() + "]";
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
