package io.devops.agent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * An unprivileged user of this node that a command runs as ({@code runAs}), through
 * {@code setpriv}: its uid, primary gid and supplementary groups, never root. The agent's work
 * dir is root's alone, so the script is copied into a directory of the user's own, which is also
 * the command's working directory unless one was given.
 */
record RunAs(String name, int uid, int gid, String home) {

    /** The same rule as the server's: nothing setpriv, getent or a shell would read as an option or a pattern. */
    static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_-]{0,31}");

    static RunAs resolve(String name) throws IOException {
        if (!NAME.matcher(name).matches()) {
            throw new IOException("refusing to run as '" + name + "': not a user name");
        }
        String self = Probes.run(List.of("id", "-u")).map(String::strip).orElse("?");
        if (!self.equals("0")) {
            throw new IOException("the agent runs as uid " + self + " and cannot switch to user " + name
                    + "; run the agent as root or leave runAs out");
        }
        String entry = Probes.run(List.of("getent", "passwd", name)).map(String::strip).orElse("");
        String[] fields = entry.split(":", -1);
        if (fields.length < 7 || !fields[0].equals(name)) {
            throw new IOException("there is no user '" + name + "' on this node");
        }
        RunAs user = new RunAs(name, Integer.parseInt(fields[2]), Integer.parseInt(fields[3]), fields[5]);
        if (user.uid() == 0) {
            throw new IOException("user '" + name + "' has uid 0: runAs is for unprivileged users");
        }
        return user;
    }

    /** The command line that runs {@code command} as this user, with its groups. */
    List<String> wrap(List<String> command) {
        List<String> line = new java.util.ArrayList<>(List.of("setpriv", "--reuid=" + uid, "--regid=" + gid,
                "--init-groups", "--"));
        line.addAll(command);
        return line;
    }

    Map<String, String> environment() {
        return Map.of("USER", name, "LOGNAME", name, "HOME", home.isEmpty() ? "/" : home);
    }

    /** A fresh 0700 directory owned by the user, holding a copy of the script it may read and run. */
    Path prepare(Path script, long commandId) throws IOException {
        Path dir = Files.createTempDirectory("devops-agent-command-" + commandId + "-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Path copy = dir.resolve("script");
        Files.copy(script, copy, StandardCopyOption.COPY_ATTRIBUTES);
        Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("r-x------"));
        for (Path path : List.of(copy, dir)) {
            Files.setAttribute(path, "unix:uid", uid);
            Files.setAttribute(path, "unix:gid", gid);
        }
        return dir;
    }

    static void removeQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            Log.warn("cannot remove " + dir + ": " + e.getMessage());
        }
    }

    static Optional<String> nameOf(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }
}
