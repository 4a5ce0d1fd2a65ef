package io.devops.platform.catalog;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Runs a script in the real POSIX shell (/bin/sh), fed through stdin so no argument encoding interferes. */
final class Shell {

    private Shell() {
    }

    static String run(String script) {
        try {
            Process process = new ProcessBuilder("/bin/sh").redirectErrorStream(true).start();
            try (OutputStream in = process.getOutputStream()) {
                in.write(script.getBytes(StandardCharsets.UTF_8));
            }
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor();
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** How many words the shell makes of {@code words} and what the first one is: "1:value". */
    static String wordsOf(String words) {
        return run("set -- " + words + "\nprintf '%s:%s' \"$#\" \"$1\"\n");
    }
}
