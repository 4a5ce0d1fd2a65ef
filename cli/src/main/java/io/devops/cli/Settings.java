package io.devops.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Map;
import java.util.Set;

/**
 * Where the server is and the token that signs in to it. Each value comes from the first place
 * that has it: the flag, then the environment ({@code DEVOPSCTL_SERVER}, {@code DEVOPSCTL_TOKEN}),
 * then the config file ({@code server:} and {@code token:} in {@code ~/.config/devopsctl/config.yml},
 * or the file {@code DEVOPSCTL_CONFIG} names). {@link #toString()} never shows the token.
 */
record Settings(URI server, String token) {

    static final String SERVER_ENV = "DEVOPSCTL_SERVER";
    static final String TOKEN_ENV = "DEVOPSCTL_TOKEN";
    static final String CONFIG_ENV = "DEVOPSCTL_CONFIG";

    static Settings resolve(String serverFlag, String tokenFlag, Map<String, String> env, Path home, PrintStream warnings) {
        Path file = configFile(env, home);
        JsonNode config = null;
        String server = first(serverFlag, env.get(SERVER_ENV));
        String token = first(tokenFlag, env.get(TOKEN_ENV));
        if (server == null || token == null) {
            config = readConfig(file, warnings);
            server = first(server, text(config, "server"));
            token = first(token, text(config, "token"));
        }
        if (server == null) {
            throw CliException.usage("no server: give --server URL, set " + SERVER_ENV + ", or write 'server: URL' in " + file);
        }
        if (token == null) {
            throw CliException.usage("no API token: set " + TOKEN_ENV + ", write 'token: ...' in " + file
                    + " (mode 0600), or give --token (create one in the console under API tokens)");
        }
        return new Settings(serverUri(server), token);
    }

    static Path configFile(Map<String, String> env, Path home) {
        String named = env.get(CONFIG_ENV);
        return named != null && !named.isBlank() ? Path.of(named) : home.resolve(".config/devopsctl/config.yml");
    }

    private static JsonNode readConfig(Path file, PrintStream warnings) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        warnIfOthersCanRead(file, warnings);
        try {
            JsonNode config = new YAMLMapper().readTree(file.toFile());
            if (config != null && !config.isMissingNode() && !config.isNull() && !config.isObject()) {
                throw CliException.usage(file + " must be a YAML mapping with 'server:' and 'token:'");
            }
            return config;
        } catch (IOException e) {
            // The parser's message may quote the file's lines, token included: name the file and the line only.
            throw CliException.usage("cannot read " + file + ": not valid YAML" + lineOf(e));
        }
    }

    private static String lineOf(IOException e) {
        return e instanceof com.fasterxml.jackson.core.JsonProcessingException parse && parse.getLocation() != null
                ? " (line " + parse.getLocation().getLineNr() + ")" : "";
    }

    private static void warnIfOthersCanRead(Path file, PrintStream warnings) {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (permissions.contains(PosixFilePermission.GROUP_READ) || permissions.contains(PosixFilePermission.OTHERS_READ)) {
                warnings.println("warning: " + file + " holds a token and others can read it: chmod 600 " + file);
            }
        } catch (IOException | UnsupportedOperationException e) {
            // No POSIX permissions to check (another file system): nothing to warn about.
        }
    }

    private static URI serverUri(String server) {
        String trimmed = server.strip().replaceAll("/+$", "");
        URI uri;
        try {
            uri = URI.create(trimmed);
        } catch (IllegalArgumentException e) {
            throw CliException.usage("the server '" + server + "' is not a URL: write it as http(s)://HOST:PORT");
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw CliException.usage("the server '" + server + "' is not an http(s) URL: write it as http(s)://HOST:PORT");
        }
        return uri;
    }

    private static String text(JsonNode config, String field) {
        JsonNode value = config == null ? null : config.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String first(String preferred, String fallback) {
        return preferred != null && !preferred.isBlank() ? preferred : fallback != null && !fallback.isBlank() ? fallback : null;
    }

    @Override
    public String toString() {
        return "Settings[server=" + server + ", token=******]";
    }
}
