package io.devops.platform.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Turns the steps of a template version into internal tasks: each maximal run of consecutive
 * operator steps becomes one playbook (one Ansible run, roles in step order, facts gathered once),
 * split where a step pins other files of a role the playbook already runs (Ansible finds a role by
 * its name, so one playbook can run one version of each role); each script step becomes one shell
 * task with its own dispatch.
 */
final class TemplateCompiler {

    /** A compiled task before it is stored. */
    sealed interface CompiledTask permits PlaybookTask, ShellTask {
        List<? extends TemplateStep> steps();
    }

    record PlaybookTask(List<TemplateStep.OperatorStep> steps, String playbook) implements CompiledTask {
    }

    record ShellTask(TemplateStep.ScriptStep step) implements CompiledTask {
        @Override
        public List<TemplateStep.ScriptStep> steps() {
            return List.of(step);
        }
    }

    private TemplateCompiler() {
    }

    static List<CompiledTask> compile(List<TemplateStep> steps) {
        List<CompiledTask> tasks = new ArrayList<>();
        List<TemplateStep.OperatorStep> run = new ArrayList<>();
        for (TemplateStep step : steps) {
            if (step instanceof TemplateStep.OperatorStep operator) {
                if (otherVersionOfARole(run, operator)) {
                    flush(run, tasks);
                }
                run.add(operator);
            } else {
                flush(run, tasks);
                tasks.add(new ShellTask((TemplateStep.ScriptStep) step));
            }
        }
        flush(run, tasks);
        return tasks;
    }

    private static boolean otherVersionOfARole(List<TemplateStep.OperatorStep> run, TemplateStep.OperatorStep next) {
        return run.stream().anyMatch(step -> step.role().equals(next.role())
                && !Objects.equals(step.roleHash(), next.roleHash()));
    }

    private static void flush(List<TemplateStep.OperatorStep> run, List<CompiledTask> tasks) {
        if (!run.isEmpty()) {
            tasks.add(new PlaybookTask(List.copyOf(run), PlaybookYaml.render(run)));
            run.clear();
        }
    }
}
