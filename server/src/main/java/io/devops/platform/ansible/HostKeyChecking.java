package io.devops.platform.ansible;

import io.devops.platform.ansible.PlaybookOutcome.HostTaskResult;
import io.devops.platform.ansible.PlaybookOutcome.RefusedHostKey;
import io.devops.platform.ansible.PlaybookRun.HostKey;
import io.devops.platform.ansible.PlaybookRun.InventoryHost;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * How ssh checks each host's key, for playbooks and plain ssh alike. A host with recorded keys
 * finds them, and only them, in the run's known_hosts file, under
 * {@code StrictHostKeyChecking=yes}: a host showing another key fails before anything is sent to
 * it (no command, no become password). A host met for the first time gets
 * {@code StrictHostKeyChecking=accept-new} and a known_hosts file of its own, where ssh writes the
 * key the host offered, for the caller to record (trust on first use). No key is ever taken from
 * a separate scan: what is recorded is exactly the key of the connection that was used.
 *
 * <p>SSH master connections (ControlPersist) outlive a playbook, and a command sent through one
 * skips the key check. So each host's socket is named by everything the check depended on: the
 * sign-in key and user, the address and port, and the recorded keys. A connection made under
 * other recorded keys (or none) is never reused. First-contact masters are closed when their
 * playbook ends ({@link #firstContactSockets}): the next contact then checks the key just recorded,
 * and one after an admin forgot a key truly meets the host again.
 */
final class HostKeyChecking {

    /**
     * On every ssh command: only the files named per host count (no system-wide known hosts), and
     * ssh never adds to them on its own (hashing would hide which host a line is for).
     */
    static final List<String> COMMON_OPTIONS = List.of("GlobalKnownHostsFile=/dev/null", "HashKnownHosts=no",
            "UpdateHostKeys=no", "CheckHostIP=no");
    /** What ssh prints when a host fails the check (a changed key, or one of an unrecorded type). */
    static final String VERIFICATION_FAILED = "Host key verification failed";
    private static final Pattern OFFERED = Pattern.compile(
            "fingerprint for the (\\S+) key sent by the remote host is\\s+(SHA256:[A-Za-z0-9+/]+)");

    private HostKeyChecking() {
    }

    /**
     * The ssh side of one host in one playbook (or one batch of plain ssh commands).
     *
     * @param knownHosts the run's file of recorded keys, or the host's own file on first contact
     * @param controlPath the master connection socket for this host under these keys
     */
    record HostSsh(InventoryHost host, Path knownHosts, Path controlPath) {

        boolean firstContact() {
            return host.firstContact();
        }

        /** {@code -o} values, each value quoted for ssh (paths may hold spaces). */
        List<String> options() {
            List<String> options = new ArrayList<>();
            options.add("StrictHostKeyChecking=" + (firstContact() ? "accept-new" : "yes"));
            options.add("UserKnownHostsFile=\"" + knownHosts + "\"");
            options.add("ControlPath=\"" + controlPath + "\"");
            options.addAll(COMMON_OPTIONS);
            return options;
        }

        /** The same as ssh arguments for Ansible's {@code ansible_ssh_common_args}, which it splits like a shell. */
        String commonArgs() {
            return options().stream().map(option -> "-o " + shellQuoted(option)).collect(Collectors.joining(" "));
        }
    }

    /**
     * Lays out host key checking for {@code hosts} in {@code dir}: the file of recorded keys
     * ({@code known_hosts}) and a directory for first contacts.
     *
     * @return by host name, in the hosts' order
     */
    static Map<String, HostSsh> prepare(List<InventoryHost> hosts, Path dir, Path controlRoot) throws IOException {
        Path known = dir.resolve("known_hosts");
        Files.writeString(known, knownHostsLines(hosts));
        Path firstContacts = dir.resolve("first-contact");
        Map<String, HostSsh> byName = new LinkedHashMap<>();
        for (int i = 0; i < hosts.size(); i++) {
            InventoryHost host = hosts.get(i);
            Path file = known;
            if (host.firstContact()) {
                file = Files.createDirectories(firstContacts).resolve("host-" + i);
            }
            byName.put(host.name(), new HostSsh(host, file, controlPath(host, controlRoot)));
        }
        return byName;
    }

    /** The recorded keys of these hosts as known_hosts lines: {@code [address]:port type key}. */
    static String knownHostsLines(List<InventoryHost> hosts) {
        StringBuilder lines = new StringBuilder();
        for (InventoryHost host : hosts) {
            for (HostKey key : host.hostKeys()) {
                lines.append(pattern(host)).append(' ').append(key.type()).append(' ').append(key.publicKey()).append('\n');
            }
        }
        return lines.toString();
    }

    /** How ssh names a host in known_hosts: the address alone on port 22, else {@code [address]:port}. */
    static String pattern(InventoryHost host) {
        String address = host.address().toLowerCase(Locale.ROOT);
        return host.port() == 22 ? address : "[" + address + "]:" + host.port();
    }

    /**
     * One socket per host and everything the key check depended on. A short hash under a short
     * root: Unix socket paths are limited to about 100 bytes, and ssh adds a temporary suffix.
     */
    static Path controlPath(InventoryHost host, Path controlRoot) throws IOException {
        if (!Files.isDirectory(controlRoot)) {
            Files.createDirectories(controlRoot, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        String state = host.firstContact() ? "first-contact" : knownHostsLines(List.of(host));
        String identity = String.join("\n", host.key() == null ? "-" : host.key().id(), String.valueOf(host.user()),
                host.address(), String.valueOf(host.port()), state);
        return controlRoot.resolve(sha256Hex(identity).substring(0, 20));
    }

    /** Sockets of first-contact hosts, to close when the playbook ends. */
    static List<Path> firstContactSockets(Map<String, HostSsh> hosts) {
        return hosts.values().stream().filter(HostSsh::firstContact).map(HostSsh::controlPath).distinct().toList();
    }

    /**
     * The keys ssh accepted from first-contact hosts that then answered: a host whose sign-in
     * failed did not prove it is the node the inventory means, so its key is not offered for recording.
     */
    static Map<String, List<HostKey>> learned(Map<String, HostSsh> hosts, List<HostTaskResult> results) {
        Map<String, List<HostKey>> learned = new LinkedHashMap<>();
        hosts.forEach((name, ssh) -> {
            boolean answered = results.stream().anyMatch(r -> r.host().equals(name) && !"unreachable".equals(r.status()));
            if (ssh.firstContact() && answered) {
                List<HostKey> keys = read(ssh.knownHosts());
                if (!keys.isEmpty()) {
                    learned.put(name, keys);
                }
            }
        });
        return learned;
    }

    /** Hosts with recorded keys that ssh refused: what they offered instead, as far as ssh said. */
    static Map<String, RefusedHostKey> refused(Map<String, HostSsh> hosts, List<HostTaskResult> results) {
        Map<String, RefusedHostKey> refused = new LinkedHashMap<>();
        for (HostTaskResult result : results) {
            HostSsh ssh = hosts.get(result.host());
            if (ssh != null && !ssh.firstContact() && "unreachable".equals(result.status()) && result.message() != null
                    && result.message().contains(VERIFICATION_FAILED)) {
                refused.put(result.host(), offered(result.message()));
            }
        }
        return refused;
    }

    /** What ssh said the host offered, from its "remote host identification has changed" warning. */
    static RefusedHostKey offered(String sshMessage) {
        Matcher matcher = OFFERED.matcher(sshMessage);
        return matcher.find() ? new RefusedHostKey(matcher.group(1), matcher.group(2)) : new RefusedHostKey(null, null);
    }

    /** The keys of a known_hosts file ssh wrote (markers and comments skipped). */
    static List<HostKey> read(Path file) {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            List<HostKey> keys = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] fields = line.trim().split("\\s+");
                if (fields.length >= 3 && !fields[0].startsWith("#") && !fields[0].startsWith("@")) {
                    try {
                        keys.add(new HostKey(fields[1], fields[2]));
                    } catch (IllegalArgumentException notAKey) {
                        // not a key line: nothing to record from it
                    }
                }
            }
            return keys;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the host keys ssh learned in " + file, e);
        }
    }

    private static String shellQuoted(String text) {
        return "'" + text.replace("'", "'\"'\"'") + "'";
    }

    private static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
