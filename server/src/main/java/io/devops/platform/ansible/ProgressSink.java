package io.devops.platform.ansible;

import java.util.Map;

/** Receives, while a playbook runs, the task each host has just started (by host name): its progress. */
@FunctionalInterface
public interface ProgressSink {

    ProgressSink NONE = hosts -> { };

    void hostsAt(Map<String, String> tasks);
}
