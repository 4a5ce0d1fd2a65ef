package io.devops.platform.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One internal task of a template version, exactly as a run executes it: a playbook task carries
 * the playbook text, the roles it needs and the version of each role's files its operators pinned
 * ({@code roleVersions}); a shell task the command, the report files it writes and the unprivileged
 * node user it runs as ({@code runAs}; null: the agent's own user).
 */
public record PlannedTask(int sequence, TaskType type, Dispatch dispatch, List<PlannedStep> steps,
                          Long playbookTaskId, Long shellTaskId,
                          @JsonInclude(JsonInclude.Include.ALWAYS) String playbook,
                          @JsonInclude(JsonInclude.Include.ALWAYS) String command,
                          List<String> roles, List<String> reports, List<PinnedRoleVersion> roleVersions,
                          String runAs) {

    /** The files one operator of the task (by its position in the task) runs: version {@code version} of role {@code role}. */
    public record PinnedRoleVersion(int position, String role, int version, String hash) {
    }

    public PlannedTask(int sequence, TaskType type, Dispatch dispatch, List<PlannedStep> steps, Long playbookTaskId,
                       Long shellTaskId, String playbook, String command, List<String> roles, List<String> reports) {
        this(sequence, type, dispatch, steps, playbookTaskId, shellTaskId, playbook, command, roles, reports, List.of(), null);
    }

    public PlannedTask(int sequence, TaskType type, Dispatch dispatch, List<PlannedStep> steps, Long playbookTaskId,
                       Long shellTaskId, String playbook, String command, List<String> roles, List<String> reports,
                       List<PinnedRoleVersion> roleVersions) {
        this(sequence, type, dispatch, steps, playbookTaskId, shellTaskId, playbook, command, roles, reports, roleVersions, null);
    }
}
