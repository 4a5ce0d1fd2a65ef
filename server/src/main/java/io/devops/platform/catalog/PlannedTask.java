package io.devops.platform.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One internal task of a template version, exactly as a run executes it: a playbook task carries
 * the playbook text and the roles it needs; a shell task the command and the report files it writes.
 */
public record PlannedTask(int sequence, TaskType type, Dispatch dispatch, List<PlannedStep> steps,
                          Long playbookTaskId, Long shellTaskId,
                          @JsonInclude(JsonInclude.Include.ALWAYS) String playbook,
                          @JsonInclude(JsonInclude.Include.ALWAYS) String command,
                          List<String> roles, List<String> reports) {
}
