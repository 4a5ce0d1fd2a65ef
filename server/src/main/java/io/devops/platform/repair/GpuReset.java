package io.devops.platform.repair;

import io.devops.platform.health.RepairAction;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * GPU_RESET: {@code nvidia-smi --gpu-reset -i <bus id>} (the condition's subject), only while no
 * process uses a GPU of the node; with one, refused with the pids and nothing is reset.
 */
@Component
class GpuReset implements NodeRepairAction {

    /** A PCI bus id as the driver and nvidia-smi write it (domain, bus, device, optional function). */
    private static final Pattern BUS_ID = Pattern.compile("[0-9A-Fa-f]{4,8}:[0-9A-Fa-f]{2}:[0-9A-Fa-f]{2}(\\.[0-7])?");
    static final String SCRIPT = """
            #!/bin/sh
            # $1: the GPU's bus id. A reset while a process holds a GPU would kill it: refuse then.
            apps=$(nvidia-smi --query-compute-apps=pid --format=csv,noheader) || { echo "cannot list the GPU processes: $apps"; exit 3; }
            if [ -n "$apps" ]; then
              echo "refused: processes use the GPU (pids $(echo $apps | tr '\\n' ' '))"
              exit 4
            fi
            nvidia-smi --gpu-reset -i "$1"
            """;

    private final NodeCommands commands;
    private final RepairSettings settings;

    GpuReset(NodeCommands commands, RepairSettings settings) {
        this.commands = commands;
        this.settings = settings;
    }

    @Override
    public RepairAction action() {
        return RepairAction.GPU_RESET;
    }

    @Override
    public RepairResult perform(Repair repair) {
        String busId = repair.condition().subject();
        if (!BUS_ID.matcher(busId).matches()) {
            return RepairResult.failed("GPU reset needs the GPU's bus id; the condition names '" + busId + "'");
        }
        NodeCommands.Ended ended = commands.run(repair.nodeId(), SCRIPT, List.of(busId), settings.commandTimeout());
        return ended.succeeded() ? RepairResult.succeeded("GPU " + busId + " reset: " + ended.output().strip())
                : RepairResult.failed("GPU " + busId + " not reset: " + ended.why());
    }
}
