package io.devops.platform.ansible;

/** Receives the human-readable output of a playbook, line by line, as it is produced. */
@FunctionalInterface
public interface OutputSink {

    void line(String line);
}
