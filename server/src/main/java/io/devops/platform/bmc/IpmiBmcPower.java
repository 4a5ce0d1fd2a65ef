package io.devops.platform.bmc;

import io.devops.platform.bmc.PowerStatus.State;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** {@link BmcPower} over IPMI LAN (RMCP+) with ipmitool. */
@Service
class IpmiBmcPower implements BmcPower {

    private static final Logger log = LoggerFactory.getLogger(IpmiBmcPower.class);
    private static final String CYCLE_ACKNOWLEDGED = "Chassis Power Control: Cycle";

    private final BmcTargets targets;
    private final IpmiSettings settings;
    private final Ipmitool ipmitool;
    private final Clock clock;

    IpmiBmcPower(BmcTargets targets, IpmiSettings settings, Clock clock) {
        this.targets = targets;
        this.settings = settings;
        this.ipmitool = new Ipmitool(settings);
        this.clock = clock;
    }

    @Override
    public PowerResult powerCycle(long nodeId) {
        List<String> evidence = new ArrayList<>();
        Optional<BmcTarget> target;
        try {
            target = targets.of(nodeId);
        } catch (RuntimeException e) {
            return PowerResult.failed("The BMC credential of node " + nodeId + " cannot be opened: " + e.getMessage(), evidence);
        }
        if (target.isEmpty()) {
            return PowerResult.failed("Node " + nodeId + " has no BMC; set one with PUT /api/v1/nodes/" + nodeId + "/bmc", evidence);
        }
        PowerResult result = cycle(target.get(), evidence);
        log.info("Power cycle of node {} through BMC {}:{}: {} - {}", nodeId, target.get().address(), target.get().port(),
                result.outcome(), result.detail());
        return result;
    }

    @Override
    public PowerStatus powerStatus(long nodeId) {
        try {
            return targets.of(nodeId).map(this::status)
                    .orElseGet(() -> new PowerStatus(State.UNKNOWN, "Node " + nodeId + " has no BMC"));
        } catch (RuntimeException e) {
            return new PowerStatus(State.UNKNOWN, "The BMC credential of node " + nodeId + " cannot be opened: " + e.getMessage());
        }
    }

    private PowerResult cycle(BmcTarget target, List<String> evidence) {
        Ipmitool.Answer answer = ipmitool.chassis(target, "power", "cycle");
        evidence.add("chassis power cycle: " + answer.oneLine());
        if (!answer.ok() || !answer.output().contains(CYCLE_ACKNOWLEDGED)) {
            return PowerResult.failed("The BMC at " + where(target) + " did not power-cycle the node: " + reason(answer), evidence);
        }
        Instant deadline = clock.instant().plus(settings.powerOnTimeout());
        while (true) {
            PowerStatus status = status(target);
            evidence.add("chassis power status: " + status.detail());
            if (status.state() == State.ON) {
                return new PowerResult(PowerResult.Outcome.SUCCEEDED,
                        "The BMC at " + where(target) + " power-cycled the node and reports it on", evidence);
            }
            if (!clock.instant().plus(settings.pollInterval()).isBefore(deadline)) {
                return PowerResult.failed("The BMC at " + where(target) + " acknowledged the power cycle, but the node was not on "
                        + "again within " + settings.powerOnTimeout().toSeconds() + " s", evidence);
            }
            if (!pause()) {
                return PowerResult.failed("Interrupted while waiting for the node to power on", evidence);
            }
        }
    }

    private PowerStatus status(BmcTarget target) {
        Ipmitool.Answer answer = ipmitool.chassis(target, "power", "status");
        if (answer.ok() && answer.output().contains("Chassis Power is on")) {
            return new PowerStatus(State.ON, answer.oneLine());
        }
        if (answer.ok() && answer.output().contains("Chassis Power is off")) {
            return new PowerStatus(State.OFF, answer.oneLine());
        }
        return new PowerStatus(State.UNKNOWN, reason(answer));
    }

    private String reason(Ipmitool.Answer answer) {
        if (answer.timedOut()) {
            return "no answer within " + settings.commandTimeout().toSeconds() + " s (is the BMC reachable at that address and port?)";
        }
        if (answer.output().contains("Unable to establish")) {
            return answer.oneLine() + " (the BMC refused the session: wrong user name or password, or no RMCP+ cipher suite "
                    + settings.cipherSuite() + ")";
        }
        return answer.oneLine() + " (exit code " + answer.exitCode() + ")";
    }

    private static String where(BmcTarget target) {
        return target.address() + ":" + target.port();
    }

    private boolean pause() {
        try {
            Thread.sleep(settings.pollInterval().toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
