package io.devops.platform.acceptance;

import static io.devops.platform.acceptance.HealthFixtures.H100;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class XidCheckTests {

    private final XidCheck check = new XidCheck();

    @Test
    void driverLoadMessagesWithoutAnyXidPassOnEachModel() {
        for (String model : new String[] {"h100", "h200", "a100"}) {
            CheckResult result = check.judge(HealthFixtures.healthy(model, "xid"), H100);

            assertThat(result.verdict()).as(model + ": " + result.message()).isEqualTo(CheckVerdict.PASS);
            assertThat(result.message()).isEqualTo("no Xid or SXid in 15 NVIDIA kernel lines since boot");
        }
    }

    @Test
    void xid79FailsOnceForTheGpuThatFellOffTheBus() {
        CheckResult result = check.judge(HealthFixtures.output("h100-xid79", "xid"), H100);

        assertThat(result.verdict()).isEqualTo(CheckVerdict.FAIL);
        assertThat(result.message()).startsWith("Xid 79 on GPU 0000:3a:00: GPU has fallen off the bus: reboot")
                .contains("[first: 'NVRM: Xid (PCI:0000:3a:00): 79, pid=").doesNotContain("(no Xid number)");
        assertThat(result.measured()).isEqualTo(1.0);
        assertThat(result.threshold()).isEqualTo(0.0);
    }

    @Test
    void aGpuLostFromTheBusWithoutAnXidNumberFails() {
        String lost = HealthFixtures.healthy("h100", "xid")
                + "2026-12-07T11:42:07+0000 gpu-h100-01 kernel: NVRM: GPU 0000:5d:00.0: GPU has fallen off the bus.\n"
                + "2026-12-07T11:42:07+0000 gpu-h100-01 kernel: NVRM: GPU 0000:5d:00.0: GPU serial number is 1654922014154.\n";

        CheckResult result = check.judge(lost, H100);

        assertThat(result.verdict()).isEqualTo(CheckVerdict.FAIL);
        assertThat(result.message()).startsWith("GPU 0000:5d:00 has fallen off the bus (no Xid number)");
    }

    @Test
    void anApplicationXidWarnsAndAFatalSxidFails() {
        String app = HealthFixtures.healthy("h100", "xid") + "2026-12-07T12:00:01+0000 gpu-h100-01 kernel: NVRM: Xid (PCI:0000:18:00): "
                + "13, pid=4242, name=python3, Graphics SM Warp Exception on (GPC 8, TPC 5, SM 0): Out Of Range Address\n";
        String sxid = "[Mon Dec  7 12:00:01 2026] nvidia-nvswitch2: SXid (PCI:0000:86:00.0): 20034, Fatal, Link 46 LTSSM Fault Up\n";

        CheckResult warned = check.judge(app, H100);
        CheckResult failed = check.judge(sxid, H100);

        assertThat(warned.verdict()).isEqualTo(CheckVerdict.WARN);
        assertThat(warned.message()).startsWith("Xid 13 on GPU 0000:18:00: usually the application's fault");
        assertThat(failed.verdict()).isEqualTo(CheckVerdict.FAIL);
        assertThat(failed.message()).startsWith("Fatal SXid 20034 on nvidia-nvswitch2 (0000:86:00.0)");
    }

    @Test
    void noNvidiaLineIsAPassOnlyWhenTheScanRan() {
        assertThat(check.judge("", H100).verdict()).isEqualTo(CheckVerdict.PASS);
        assertThat(check.judge("devops-acceptance: exit status 2\n", H100).verdict()).isEqualTo(CheckVerdict.ERROR);
        assertThat(check.judge("devops-acceptance: missing tool journalctl (install systemd or util-linux)\n", H100).message())
                .isEqualTo("journalctl not found on the node: install systemd or util-linux");
        assertThat(check.judge("-- No entries --\n", H100).verdict()).isEqualTo(CheckVerdict.ERROR);
    }

    @Test
    void everyCriticalCodeOfTheAcceptanceListFails() {
        for (int code : new int[] {48, 56, 58, 62, 64, 65, 68, 77, 79, 86, 88, 92, 95, 119, 120}) {
            String line = "kern  :warn  : 2026-12-07T02:21:33,498559+00:00 NVRM: Xid (PCI:0000:38:00): " + code + ", pid=1, name=x, y\n";

            assertThat(check.judge(line, H100).verdict()).as("Xid " + code).isEqualTo(CheckVerdict.FAIL);
        }
        assertThat(check.judge("NVRM: Xid (PCI:0000:38:00): 31, pid=1, name=x, MMU Fault\n", H100).verdict()).isEqualTo(CheckVerdict.WARN);
    }
}
