package io.devops.agent;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;

/**
 * {@code java -jar devops-agent.jar --server https://URL --enrollment-token TOKEN --work-dir DIR [--node-ip IP]};
 * flags override {@code /etc/devops-agent/agent.yml}. Exit codes: 2 bad usage or configuration (a
 * plain http:// URL without --allow-insecure-http, a credential file others can read), 3 refused
 * by the server (do not restart: enrol again).
 */
public final class AgentMain {

    private AgentMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 1 && args[0].equals("--version")) {
            System.out.println("devops-agent " + version());
            return;
        }
        AgentConfig config;
        try {
            config = AgentConfig.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("devops-agent: " + e.getMessage());
            System.err.println("usage: java -jar devops-agent.jar --server URL --enrollment-token TOKEN --work-dir DIR "
                    + "[--node-ip IP] [--ca-file PEM] [--pinned-cert-sha256 HEX] [--config FILE] [--allow-insecure-http]");
            System.exit(2);
            return;
        }
        HttpClient.Builder http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .sslContext(Tls.context(config.caFile(), config.pinnedCertSha256()));
        proxy(config.server()).ifPresent(http::proxy);
        ObjectMapper json = new ObjectMapper();
        Log.info("devops-agent " + version() + " starting: server " + config.server() + ", work dir " + config.workDir()
                + ", " + trust(config));
        System.exit(new Agent(config, new ServerClient(config.server(), http.build(), json), json).run());
    }

    private static String trust(AgentConfig config) {
        if (config.server().getScheme().equals("http")) {
            return "PLAIN HTTP (allowed by allow-insecure-http: for loopback tests only)";
        }
        return config.pinnedCertSha256() != null ? "trusting the pinned server certificate only"
                : config.caFile() != null ? "trusting the CA in " + config.caFile() : "trusting the JDK's CAs";
    }

    /** {@code https_proxy} / {@code http_proxy} as curl reads them, unless {@code no_proxy} names the server. */
    static java.util.Optional<ProxySelector> proxy(URI server) {
        String variable = server.getScheme().equals("https") ? "https_proxy" : "http_proxy";
        String value = System.getenv(variable) != null ? System.getenv(variable) : System.getenv(variable.toUpperCase());
        String noProxy = System.getenv("no_proxy") != null ? System.getenv("no_proxy") : System.getenv("NO_PROXY");
        if (value == null || value.isBlank()
                || (noProxy != null && java.util.Arrays.stream(noProxy.split(",")).map(String::strip)
                .anyMatch(host -> !host.isEmpty() && server.getHost().endsWith(host)))) {
            return java.util.Optional.empty();
        }
        URI proxy = URI.create(value.contains("://") ? value : "http://" + value);
        return java.util.Optional.of(ProxySelector.of(new InetSocketAddress(proxy.getHost(), proxy.getPort() > 0 ? proxy.getPort() : 3128)));
    }

    static String version() {
        String version = AgentMain.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
