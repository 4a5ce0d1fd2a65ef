package io.devops.platform.acceptance;

import static io.devops.platform.acceptance.HealthFixtures.H100;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Each kind of failure keeps its own reason, on the captured outputs of the fake nodes. */
class FailureReasonsTests {

    private final NcclAllReduceCheck nccl = new NcclAllReduceCheck(PerfFixtures.defaults());

    @Test
    void aFigureBelowItsLineIsThreshold() {
        CheckResult result = nccl.judge(PerfFixtures.output("h100-low-busbw", "nccl_all_reduce"), PerfFixtures.node("h100-8-healthy"));

        assertThat(result.verdict()).isEqualTo(CheckVerdict.FAIL);
        assertThat(result.reason()).isEqualTo(FailureReason.THRESHOLD);
    }

    @Test
    void faultsSeenOnTheNodeAreHardware() {
        assertThat(new XidCheck().judge(HealthFixtures.output("h100-xid79", "xid"), H100).reason()).isEqualTo(FailureReason.HARDWARE);
        assertThat(new EccCheck().judge(HealthFixtures.output("h100-ecc-uncorrectable", "ecc"), H100).reason())
                .isEqualTo(FailureReason.HARDWARE);
        assertThat(new GpuInventoryCheck().judge(HealthFixtures.output("h100-missing-gpu", "gpu_inventory"), H100).reason())
                .isEqualTo(FailureReason.HARDWARE);
        assertThat(new NvlinkCheck().judge(HealthFixtures.output("h100-nvlink-inactive", "nvlink"), H100).reason())
                .isEqualTo(FailureReason.HARDWARE);
    }

    @Test
    void aMissingToolOrOneThatFailedCouldNotRun() {
        CheckResult missing = new XidCheck().judge("devops-acceptance: missing tool journalctl (install systemd)\n", H100);
        CheckResult failed = nccl.judge(PerfFixtures.output("h100-8-healthy", "nccl_all_reduce") + "\ndevops-acceptance: exit status 1\n",
                PerfFixtures.node("h100-8-healthy"));

        assertThat(missing.verdict()).isEqualTo(CheckVerdict.ERROR);
        assertThat(missing.reason()).isEqualTo(FailureReason.COULD_NOT_RUN);
        assertThat(failed.verdict()).isEqualTo(CheckVerdict.ERROR);
        assertThat(failed.reason()).isEqualTo(FailureReason.COULD_NOT_RUN);
    }

    @Test
    void anEmptyOrUnreadableReportIsMissingEvidence() {
        CheckResult empty = new EccCheck().judge("", H100);
        CheckResult unreadable = nccl.judge("# nccl-tests version 2.13.9\nsegfault\n", PerfFixtures.node("h100-8-healthy"));

        assertThat(empty.verdict()).isEqualTo(CheckVerdict.ERROR);
        assertThat(empty.reason()).isEqualTo(FailureReason.MISSING_EVIDENCE);
        assertThat(unreadable.verdict()).isEqualTo(CheckVerdict.ERROR);
        assertThat(unreadable.reason()).isEqualTo(FailureReason.MISSING_EVIDENCE);
    }

    @Test
    void aPassHasNoReasonAndAnythingElseNeedsOne() {
        assertThat(new CheckResult("ecc", CheckVerdict.PASS, 0.0, 0.0, "errors", "clear", FailureReason.HARDWARE).reason()).isNull();
        org.assertj.core.api.Assertions.assertThatNullPointerException()
                .isThrownBy(() -> new CheckResult("ecc", CheckVerdict.FAIL, 1.0, 0.0, "errors", "1 error", null));
    }
}
