package io.devops.agent;

import java.time.Instant;

/** One line per event on stderr, which systemd sends to the journal. Secrets are never passed here. */
final class Log {

    private Log() {
    }

    static void info(String message) {
        write("INFO", message);
    }

    static void warn(String message) {
        write("WARN", message);
    }

    static void error(String message) {
        write("ERROR", message);
    }

    private static synchronized void write(String level, String message) {
        System.err.println(Instant.now() + " " + level + " " + message);
    }
}
