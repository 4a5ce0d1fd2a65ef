package io.devops.platform.bmc;

import static org.assertj.core.api.Assertions.assertThat;

import io.devops.platform.bmc.PowerResult.Outcome;
import io.devops.platform.bmc.PowerStatus.State;
import io.devops.platform.support.DatabaseIndependent;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Power control with the real ipmitool against a real BMC: OpenIPMI's simulator. */
@DatabaseIndependent
@ExtendWith(OutputCaptureExtension.class)
class IpmiPowerCycleTests {

    private static final long NODE = 42;
    private static final String USER = "admin";
    private static final String PASSWORD = "Bmc-s3cret-9";

    @TempDir
    Path directory;

    private IpmiSimulator simulator;

    @BeforeEach
    void startSimulator() throws Exception {
        simulator = IpmiSimulator.start(directory, USER, PASSWORD);
    }

    @AfterEach
    void stopSimulator() throws Exception {
        simulator.close();
    }

    @Test
    void powerCycleSwitchesTheNodeOffAndOnAndSucceedsOnceTheBmcReportsItOn(CapturedOutput output) throws Exception {
        PowerResult result = power(simulator.port(), PASSWORD, Duration.ofSeconds(15)).powerCycle(NODE);

        assertThat(result.outcome()).as(result.detail()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(result.evidence()).first().asString().contains("Chassis Power Control: Cycle");
        assertThat(result.evidence()).last().asString().contains("Chassis Power is on");
        assertThat(simulator.chassisCalls()).containsSubsequence("set power 0", "set power 1");
        assertThat(output.getAll()).doesNotContain(PASSWORD);
    }

    @Test
    void powerStatusReadsTheStateTheBmcReports() throws Exception {
        assertThat(power(simulator.port(), PASSWORD, Duration.ofSeconds(15)).powerStatus(NODE).state()).isEqualTo(State.ON);
    }

    @Test
    void aWrongPasswordFailsWithAReadableReasonAndThePasswordNowhere(CapturedOutput output) throws Exception {
        String wrong = "Wrong-pw-771";

        PowerResult result = power(simulator.port(), wrong, Duration.ofSeconds(15)).powerCycle(NODE);

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.detail()).contains("did not power-cycle").contains("wrong user name or password");
        assertThat(result.detail() + result.evidence()).doesNotContain(wrong).doesNotContain(PASSWORD);
        assertThat(output.getAll()).doesNotContain(wrong).doesNotContain(PASSWORD);
        assertThat(simulator.chassisCalls()).noneMatch(call -> call.startsWith("set"));
    }

    @Test
    void aBmcThatDoesNotAnswerTimesOutAsFailed() throws Exception {
        try (DatagramSocket silent = new DatagramSocket(0, InetAddress.getByName(IpmiSimulator.ADDRESS))) {
            PowerResult result = power(silent.getLocalPort(), PASSWORD, Duration.ofSeconds(2)).powerCycle(NODE);

            assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(result.detail()).contains("no answer within 2 s");
        }
    }

    @Test
    void aNodeWithoutBmcFailsWithoutAskingAnything() {
        IpmiBmcPower power = new IpmiBmcPower(node -> Optional.empty(), settings(Duration.ofSeconds(2)), Clock.systemUTC());

        PowerResult result = power.powerCycle(NODE);

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.detail()).contains("has no BMC");
        assertThat(result.evidence()).isEmpty();
    }

    private static IpmiBmcPower power(int port, String password, Duration commandTimeout) {
        BmcTarget target = new BmcTarget(NODE, IpmiSimulator.ADDRESS, port, USER, password);
        return new IpmiBmcPower(node -> Optional.of(target), settings(commandTimeout), Clock.systemUTC());
    }

    private static IpmiSettings settings(Duration commandTimeout) {
        return new IpmiSettings("ipmitool", 3, commandTimeout, Duration.ofSeconds(20), Duration.ofMillis(500));
    }
}
