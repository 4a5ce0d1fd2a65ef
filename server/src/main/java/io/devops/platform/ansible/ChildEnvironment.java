package io.devops.platform.ansible;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The environment of every process the platform starts for Ansible ({@code ansible-playbook},
 * {@code ssh}): an allow-list of the server's own variables, never the whole of it. The server's
 * environment holds its secrets ({@code DEVOPS_SECRET_KEY}, {@code DB_PASSWORD}, ...), and a role
 * can read any variable of its controller with {@code lookup('env', ...)}. {@code ANSIBLE_*}
 * variables are not passed either: the platform writes the whole configuration itself, and one
 * of them could switch its event callback off.
 */
final class ChildEnvironment {

    /**
     * What a shell, Python, ssh and Ansible need to run as they would for the server's user; the
     * proxy settings because controller-side lookups and downloads go through them.
     */
    static final Set<String> ALLOWED = Set.of("PATH", "HOME", "USER", "LOGNAME", "SHELL", "LANG", "LANGUAGE", "LC_ALL",
            "LC_CTYPE", "LC_MESSAGES", "TZ", "TMPDIR", "TERM", "SSH_AUTH_SOCK",
            "http_proxy", "https_proxy", "no_proxy", "HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY");

    private ChildEnvironment() {
    }

    /** The allowed part of {@code server} (normally {@link System#getenv()}) and then the run's own variables. */
    static Map<String, String> of(Map<String, String> server, Map<String, String> own) {
        Map<String, String> environment = new LinkedHashMap<>();
        server.forEach((name, value) -> {
            if (ALLOWED.contains(name)) {
                environment.put(name, value);
            }
        });
        environment.putAll(own);
        return environment;
    }

    /** Replaces the inherited environment of {@code builder} with the allowed one plus {@code own}. */
    static ProcessBuilder apply(ProcessBuilder builder, Map<String, String> own) {
        Map<String, String> environment = builder.environment();
        Map<String, String> allowed = of(System.getenv(), own);
        environment.clear();
        environment.putAll(allowed);
        return builder;
    }
}
