package io.devops.platform.ansible;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The closing tasks of every play the platform generates: flush the handlers, then one task that
 * each host still in the play answers. A host without that answer did not finish: a role ended it
 * ({@code meta: end_host}, {@code end_play}), a failure elsewhere stopped it ({@code any_errors_fatal},
 * {@code max_fail_percentage}), or the events never arrived. Ansible's exit code and recap say
 * nothing of such a host, so its step can never pass by default.
 */
public final class PlayCompletion {

    /** A play task's name; a role's task of the same name has a role, so it cannot forge the answer. */
    public static final String TASK_NAME = "[platform] the step reached its end";

    private PlayCompletion() {
    }

    /** Append these to a play's tasks, after everything else. */
    public static List<Map<String, Object>> closingTasks() {
        Map<String, Object> flush = new LinkedHashMap<>();
        flush.put("name", "[platform] run the notified handlers");
        flush.put("meta", "flush_handlers");
        Map<String, Object> reached = new LinkedHashMap<>();
        reached.put("name", TASK_NAME);
        reached.put("debug", Map.of("msg", "reached the end of the step"));
        return List.of(flush, reached);
    }

    static boolean isCompletion(PlaybookOutcome.HostTaskResult result) {
        return result.role() == null && TASK_NAME.equals(result.task()) && "ok".equals(result.status());
    }
}
