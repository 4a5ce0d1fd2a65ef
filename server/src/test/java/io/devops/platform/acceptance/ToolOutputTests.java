package io.devops.platform.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ToolOutputTests {

    @Test
    void aMissingToolBecomesAnErrorThatSaysWhatToInstall() {
        ToolOutput output = ToolOutput.of("devops-acceptance: missing tool dcgmi (install datacenter-gpu-manager)\n");

        assertThat(output.toolMissing()).isTrue();
        assertThat(output.missingToolError("dcgm_diag")).isEqualTo(new CheckResult("dcgm_diag", CheckVerdict.ERROR, null, null, null,
                "dcgmi not found on the node: install datacenter-gpu-manager", FailureReason.COULD_NOT_RUN));
    }

    @Test
    void theExitStatusLineIsSeparatedFromTheToolsOwnOutput() {
        ToolOutput output = ToolOutput.of("line one\nline two\ndevops-acceptance: exit status 3\n");

        assertThat(output.text()).isEqualTo("line one\nline two");
        assertThat(output.exitStatus()).hasValue(3);
        assertThat(output.toolMissing()).isFalse();
    }

    @Test
    void anOutputWithoutPlatformLinesIsKeptWholeWithNoExitStatus() {
        ToolOutput output = ToolOutput.of("0, NVIDIA H100 80GB HBM3\n");

        assertThat(output.text()).isEqualTo("0, NVIDIA H100 80GB HBM3");
        assertThat(output.exitStatus()).isEmpty();
    }

    @Test
    void theWorseVerdictWinsAndOnlyPassAndWarnLetANodeThrough() {
        assertThat(CheckVerdict.PASS.worse(CheckVerdict.WARN)).isEqualTo(CheckVerdict.WARN);
        assertThat(CheckVerdict.FAIL.worse(CheckVerdict.WARN)).isEqualTo(CheckVerdict.FAIL);
        assertThat(CheckVerdict.FAIL.worse(CheckVerdict.ERROR)).isEqualTo(CheckVerdict.ERROR);
        assertThat(CheckVerdict.WARN.passes()).isTrue();
        assertThat(CheckVerdict.ERROR.passes()).isFalse();
        assertThat(AcceptanceReports.checkOf("/var/lib/devops/acceptance/row_remap.txt")).hasValue("row_remap");
        assertThat(AcceptanceReports.checkOf("/tmp/nccl.md")).isEmpty();
    }
}
