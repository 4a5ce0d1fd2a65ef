package io.devops.platform.repair;

import io.devops.platform.agentgateway.CommandStatus;
import io.devops.platform.health.RepairAction;
import java.time.Duration;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * REBOOT: reads the node's boot id, runs the reboot command, then asks for the boot id until it
 * changes (the node went down and came back) or the timeout passes (FAILED). The command and the
 * boot id file are settings, so a test node fakes both without a branch here.
 */
@Component
class Reboot implements NodeRepairAction {

    private static final String READ_BOOT_ID = "#!/bin/sh\ncat \"$1\"\n";
    private static final String RUN_COMMAND = "#!/bin/sh\nexec \"$@\"\n";

    private final NodeCommands commands;
    private final RepairSettings settings;

    Reboot(NodeCommands commands, RepairSettings settings) {
        this.commands = commands;
        this.settings = settings;
    }

    @Override
    public RepairAction action() {
        return RepairAction.REBOOT;
    }

    @Override
    public RepairResult perform(Repair repair) {
        NodeCommands.Ended before = bootId(repair.nodeId());
        if (!before.succeeded() || before.output().isBlank()) {
            return RepairResult.failed("not rebooted: cannot read the boot id " + settings.bootIdFile() + ": " + before.why());
        }
        String oldId = before.output().strip();
        NodeCommands.Ended reboot = commands.run(repair.nodeId(), RUN_COMMAND, settings.rebootCommand(), settings.commandTimeout());
        if (reboot.status() == CommandStatus.FAILED && reboot.exitCode() != null && reboot.exitCode() != 0) {
            return RepairResult.failed("the reboot command " + settings.rebootCommand() + " failed: " + reboot.why());
        }
        return awaitReturn(repair.nodeId(), oldId);
    }

    /** The command may end in any way as the node goes down (the agent dies with it): only a new boot id counts. */
    private RepairResult awaitReturn(long nodeId, String oldId) {
        long deadline = System.nanoTime() + settings.rebootTimeout().toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            NodeCommands.Ended now = bootId(nodeId);
            if (now.succeeded() && !now.output().isBlank()) {
                String id = now.output().strip();
                if (!id.equals(oldId)) {
                    return RepairResult.succeeded("rebooted: boot id " + oldId + " became " + id);
                }
                last = "boot id unchanged (" + id + ")";
            } else {
                last = now.why();
            }
            sleep(settings.bootPollInterval());
        }
        return RepairResult.failed("the node did not come back within " + settings.rebootTimeout() + ": " + last);
    }

    private NodeCommands.Ended bootId(long nodeId) {
        return commands.run(nodeId, READ_BOOT_ID, List.of(settings.bootIdFile()), Duration.ofSeconds(30));
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a rebooted node", e);
        }
    }
}
