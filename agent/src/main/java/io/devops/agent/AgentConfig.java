package io.devops.agent;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The agent's settings: command-line flags override the config file ({@code /etc/devops-agent/agent.yml},
 * simple {@code key: value} lines). {@code caFile} trusts a private CA; {@code pinnedCertSha256}
 * accepts exactly one server certificate. The server is reached over HTTPS: whoever sits on a
 * plain HTTP channel could send root commands to every node, so {@code http://} is refused unless
 * {@code allow-insecure-http} says otherwise (loopback tests).
 */
record AgentConfig(URI server, String enrollmentToken, Path workDir, String nodeIp, Path caFile, String pinnedCertSha256,
                   boolean allowInsecureHttp, HealthSettings health) {

    static final Path DEFAULT_FILE = Path.of("/etc/devops-agent/agent.yml");
    static final List<String> KEYS = java.util.stream.Stream.concat(java.util.stream.Stream.of("server", "enrollment-token",
            "work-dir", "node-ip", "ca-file", "pinned-cert-sha256", "config", "allow-insecure-http"),
            HealthSettings.KEYS.stream()).toList();
    /** Flags that take no value: {@code --allow-insecure-http} alone means true. */
    static final List<String> SWITCHES = List.of("allow-insecure-http");

    static AgentConfig parse(String[] args) throws IOException {
        Map<String, String> flags = flags(args);
        Path file = flags.containsKey("config") ? Path.of(flags.get("config")) : DEFAULT_FILE;
        Map<String, String> values = new HashMap<>();
        if (Files.isReadable(file)) {
            values.putAll(readFile(file));
        } else if (flags.containsKey("config")) {
            throw new IllegalArgumentException("cannot read the config file " + file);
        }
        values.putAll(flags);
        String server = values.get("server");
        if (server == null || server.isBlank()) {
            throw new IllegalArgumentException("--server URL is required (or 'server:' in " + file + ")");
        }
        String workDir = values.getOrDefault("work-dir", "/var/lib/devops-agent");
        URI uri = URI.create(server.endsWith("/") ? server.substring(0, server.length() - 1) : server);
        boolean allowHttp = bool(values.getOrDefault("allow-insecure-http", "false"), "allow-insecure-http");
        requireSecureScheme(uri, allowHttp);
        return new AgentConfig(uri, blankToNull(values.get("enrollment-token")), Path.of(workDir),
                blankToNull(values.get("node-ip")), values.containsKey("ca-file") ? Path.of(values.get("ca-file")) : null,
                blankToNull(values.get("pinned-cert-sha256")), allowHttp, HealthSettings.of(values));
    }

    private static void requireSecureScheme(URI server, boolean allowHttp) {
        String scheme = server.getScheme() == null ? "" : server.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (scheme.equals("http") && !allowHttp) {
            throw new IllegalArgumentException("refusing the plain http:// server URL " + server + ": anyone on the path "
                    + "could run commands as root on this node. Use https:// (with --ca-file PEM or --pinned-cert-sha256 HEX "
                    + "for a private certificate), or pass --allow-insecure-http (or 'allow-insecure-http: true' in the "
                    + "config file) for a loopback test");
        }
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("the server URL must start with https:// (not '" + server + "')");
        }
    }

    private static boolean bool(String value, String key) {
        return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0", "" -> false;
            default -> throw new IllegalArgumentException(key + " must be true or false, not '" + value + "'");
        };
    }

    static Map<String, String> flags(String[] args) {
        Map<String, String> flags = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + arg + "'");
            }
            String key = arg.substring(2);
            String value;
            int eq = key.indexOf('=');
            if (eq < 0 && SWITCHES.contains(key)) {
                value = "true";
            } else if (eq >= 0) {
                value = key.substring(eq + 1);
                key = key.substring(0, eq);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new IllegalArgumentException("--" + key + " needs a value");
            }
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException("unknown option --" + key + "; known: " + KEYS);
            }
            flags.put(key, value);
        }
        return flags;
    }

    /** {@code key: value} per line; '#' starts a comment; values may be quoted. */
    static Map<String, String> readFile(Path file) throws IOException {
        Map<String, String> values = new HashMap<>();
        for (String raw : Files.readAllLines(file)) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException(file + ": expected 'key: value' but found '" + line + "'");
            }
            String key = line.substring(0, colon).strip().replace('_', '-');
            String value = line.substring(colon + 1).strip();
            if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"") || value.startsWith("'") && value.endsWith("'"))) {
                value = value.substring(1, value.length() - 1);
            }
            values.put(key, value);
        }
        return values;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
